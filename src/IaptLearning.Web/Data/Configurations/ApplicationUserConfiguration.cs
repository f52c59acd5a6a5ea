using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.EmployingService).HasMaxLength(200);
        builder.Property(u => u.JobRole).HasConversion<string>().HasMaxLength(64);
        builder.Property(u => u.EmployeeNumber).HasMaxLength(30);
        builder.HasOne(u => u.Team).WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.TeamId, u.FullName });
        builder.HasIndex(u => u.FullName);
    }
}
