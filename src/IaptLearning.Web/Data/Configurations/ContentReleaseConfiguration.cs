using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class ContentReleaseConfiguration : IEntityTypeConfiguration<ContentRelease>
{
    public void Configure(EntityTypeBuilder<ContentRelease> builder)
    {
        builder.Property(r => r.ModuleSlug).HasMaxLength(100);
        builder.Property(r => r.Version).HasMaxLength(32);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.PublishedByName).HasMaxLength(256);
        builder.Property(r => r.Source).HasMaxLength(32);
        builder.Property(r => r.WithdrawnByName).HasMaxLength(256);
        builder.Property(r => r.WithdrawalReason).HasMaxLength(500);
        // Withdrawing or serving again changes these: two admins at once must not both win.
        builder.Property(r => r.ServedFromUtc).IsConcurrencyToken();
        builder.Property(r => r.WithdrawnAtUtc).IsConcurrencyToken();

        // What makes "a version no earlier release used" hold under concurrency, across instances:
        // a second publication of the same version fails on insert.
        builder.HasIndex(r => new { r.ModuleSlug, r.Version }).IsUnique();
        builder.HasIndex(r => new { r.ModuleSlug, r.ServedFromUtc });
        builder.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.ContentReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.IsWithdrawn);
    }
}
