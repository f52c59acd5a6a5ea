using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => new { t.ServiceId, t.Name }).IsUnique();
        builder.HasOne(t => t.Service).WithMany(s => s.Teams).HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
