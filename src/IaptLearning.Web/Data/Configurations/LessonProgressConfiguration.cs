using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class LessonProgressConfiguration : IEntityTypeConfiguration<LessonProgress>
{
    public void Configure(EntityTypeBuilder<LessonProgress> builder)
    {
        builder.Property(p => p.ModuleSlug).HasMaxLength(100);
        builder.Property(p => p.LessonSlug).HasMaxLength(100);
        builder.Property(p => p.CompletedContentHash).HasMaxLength(64);
        builder.HasIndex(p => new { p.UserId, p.ModuleSlug, p.LessonSlug }).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
