using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class CpdReflectionConfiguration : IEntityTypeConfiguration<CpdReflection>
{
    public void Configure(EntityTypeBuilder<CpdReflection> builder)
    {
        builder.Property(r => r.WhatILearned).HasMaxLength(CpdReflection.MaxLength);
        builder.Property(r => r.HowItWillChangeMyPractice).HasMaxLength(CpdReflection.MaxLength);
        builder.HasIndex(r => new { r.UserId, r.ModuleCompletionId }).IsUnique();
        builder.HasOne<ModuleCompletion>().WithMany().HasForeignKey(r => r.ModuleCompletionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
