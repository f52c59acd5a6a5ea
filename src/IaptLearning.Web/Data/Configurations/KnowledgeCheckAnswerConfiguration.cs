using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class KnowledgeCheckAnswerConfiguration : IEntityTypeConfiguration<KnowledgeCheckAnswer>
{
    public void Configure(EntityTypeBuilder<KnowledgeCheckAnswer> builder)
    {
        builder.Property(a => a.ModuleSlug).HasMaxLength(100);
        builder.Property(a => a.LessonSlug).HasMaxLength(100);
        builder.Property(a => a.QuestionId).HasMaxLength(100);
        builder.Property(a => a.ChosenOptions).HasMaxLength(200);
        builder.HasIndex(a => new { a.UserId, a.ModuleSlug, a.QuestionId }).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
