using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class ManagerScopeConfiguration : IEntityTypeConfiguration<ManagerScope>
{
    public void Configure(EntityTypeBuilder<ManagerScope> builder)
    {
        builder.HasIndex(s => new { s.UserId, s.ServiceId, s.TeamId }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_ManagerScopes_ServiceOrTeam",
            "(\"ServiceId\" IS NULL AND \"TeamId\" IS NOT NULL) OR (\"ServiceId\" IS NOT NULL AND \"TeamId\" IS NULL)"));
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Service).WithMany().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Team).WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
