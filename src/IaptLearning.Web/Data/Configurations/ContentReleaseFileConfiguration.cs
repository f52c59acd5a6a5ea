using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class ContentReleaseFileConfiguration : IEntityTypeConfiguration<ContentReleaseFile>
{
    public void Configure(EntityTypeBuilder<ContentReleaseFile> builder)
    {
        builder.Property(f => f.Path).HasMaxLength(400);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.HasIndex(f => new { f.ContentReleaseId, f.Path }).IsUnique();
    }
}
