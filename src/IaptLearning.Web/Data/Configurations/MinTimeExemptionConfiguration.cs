using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class MinTimeExemptionConfiguration : IEntityTypeConfiguration<MinTimeExemption>
{
    public void Configure(EntityTypeBuilder<MinTimeExemption> builder)
    {
        builder.Property(e => e.ModuleSlug).HasMaxLength(100);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.HasIndex(e => e.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
