using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Summary).HasMaxLength(1000);
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.Action, e.AtUtc });
        builder.HasIndex(e => e.ActorUserId);
        builder.HasIndex(e => e.SubjectUserId);

        // No foreign keys to users: the log outlives the accounts it mentions.
    }
}
