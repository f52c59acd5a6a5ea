using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class ModuleCompletionConfiguration : IEntityTypeConfiguration<ModuleCompletion>
{
    public void Configure(EntityTypeBuilder<ModuleCompletion> builder)
    {
        builder.Property(c => c.ModuleSlug).HasMaxLength(100);
        builder.Property(c => c.ModuleVersion).HasMaxLength(32);
        builder.Property(c => c.ContentHash).HasMaxLength(64);
        builder.Property(c => c.ModuleTitle).HasMaxLength(200);
        // A completion per learner, module version and renewal; a passing attempt completes once.
        builder.HasIndex(c => new { c.UserId, c.ModuleSlug, c.ModuleVersion, c.RenewalNumber }).IsUnique();
        builder.HasIndex(c => c.AttemptId).IsUnique();
        builder.HasOne(c => c.Attempt).WithMany().HasForeignKey(c => c.AttemptId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
