using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.Property(c => c.RevokedAtUtc).IsConcurrencyToken();
        builder.Property(c => c.Series).HasMaxLength(16);
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.Property(c => c.VerificationCode).HasMaxLength(32);
        builder.Property(c => c.VerificationUrl).HasMaxLength(300);
        builder.Property(c => c.ModuleSlug).HasMaxLength(100);
        builder.Property(c => c.ModuleVersion).HasMaxLength(32);
        builder.Property(c => c.ContentHash).HasMaxLength(64);
        builder.Property(c => c.PdfSha256).HasMaxLength(64);
        builder.Property(c => c.RevocationReason).HasMaxLength(500);

        // The unique indexes are what make issuing safe under concurrency: a second insert for the
        // same number, code, or completion fails, and the issuer retries or reuses. A renewal is a new
        // completion, so it gets a certificate of its own and the earlier one stays valid.
        builder.HasIndex(c => new { c.Series, c.Sequence }).IsUnique();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.VerificationCode).IsUnique();
        builder.HasIndex(c => c.ModuleCompletionId).IsUnique();
        builder.HasIndex(c => new { c.UserId, c.ModuleSlug });
        builder.HasOne<ModuleCompletion>().WithMany().HasForeignKey(c => c.ModuleCompletionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.IsRevoked);
    }
}
