using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaptLearning.Web.Data.Configurations;

internal sealed class AttemptQuestionConfiguration : IEntityTypeConfiguration<AttemptQuestion>
{
    public void Configure(EntityTypeBuilder<AttemptQuestion> builder)
    {
        builder.Property(q => q.QuestionId).HasMaxLength(100);
        builder.Property(q => q.OptionOrder).HasMaxLength(200);
        builder.Property(q => q.ChosenOptions).HasMaxLength(200);
        builder.HasIndex(q => new { q.AttemptId, q.Position }).IsUnique();
    }
}
