using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class AssessmentAttemptConfiguration : IEntityTypeConfiguration<AssessmentAttempt>
{
    public void Configure(EntityTypeBuilder<AssessmentAttempt> builder)
    {
        builder.Property(a => a.ModuleSlug).HasMaxLength(100);
        builder.Property(a => a.ModuleVersion).HasMaxLength(32);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.Property(a => a.ResetReason).HasMaxLength(500);
        builder.Property(a => a.ModuleTitle).HasMaxLength(200);
        builder.HasIndex(a => new { a.UserId, a.ModuleSlug, a.Number }).IsUnique();
        // At most one open attempt per learner and module, so a double-clicked Start makes one.
        // The filter is plain SQL that SQLite and PostgreSQL both accept.
        builder.HasIndex(a => new { a.UserId, a.ModuleSlug })
            .IsUnique()
            .HasFilter("\"SubmittedAtUtc\" IS NULL")
            .HasDatabaseName("IX_AssessmentAttempts_OneOpenPerModule");
        builder.HasMany(a => a.Questions).WithOne(q => q.Attempt).HasForeignKey(q => q.AttemptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
