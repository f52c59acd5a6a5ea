using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class ModuleRecordConfiguration : IEntityTypeConfiguration<ModuleRecord>
{
    public void Configure(EntityTypeBuilder<ModuleRecord> builder)
    {
        builder.Property(r => r.ModuleSlug).HasMaxLength(100);
        builder.Property(r => r.CompletedVersion).HasMaxLength(32);
        builder.Property(r => r.CertificateNumber).HasMaxLength(32);
        builder.HasIndex(r => new { r.UserId, r.ModuleSlug }).IsUnique();
        builder.HasIndex(r => new { r.ModuleSlug, r.CompletedAtUtc });
        builder.HasIndex(r => r.DueAtUtc);
        builder.Property(r => r.JobRole).HasConversion<string>().HasMaxLength(64);

        // The dashboard groups by team, job role and module and counts statuses from these dates:
        // with them all in one index it reads the index in order, with no sort and no table rows.
        builder.HasIndex(r => new { r.TeamId, r.JobRole, r.ModuleSlug, r.CompletedAtUtc, r.ExpiresAtUtc, r.DueAtUtc, r.StartedAtUtc })
            .HasDatabaseName("IX_ModuleRecords_Dashboard");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
