namespace IaptLearning.Content.Diagnostics;

/// <summary>
/// Every rule the loader checks. Codes are part of the authoring contract (docs/authoring.md
/// lists them): never renumber one, only add.
/// </summary>
public static class DiagnosticCodes
{
    // Folders and files
    public const string InvalidModuleFolderName = "IAPT001";
    public const string MissingModuleFile = "IAPT002";
    public const string InvalidEncoding = "IAPT003";

    // Front matter
    public const string UnknownKey = "IAPT004";
    public const string MissingFrontMatter = "IAPT005";
    public const string InvalidYaml = "IAPT006";
    public const string MissingRequiredKey = "IAPT007";
    public const string InvalidValue = "IAPT008";
    public const string InconsistentValue = "IAPT009";

    // Questions
    public const string QuestionHasNoOptions = "IAPT010";
    public const string QuestionHasOneOption = "IAPT011";
    public const string QuestionHasNoCorrectOption = "IAPT012";
    public const string DuplicateOptionText = "IAPT013";
    public const string EmptyPrompt = "IAPT014";
    public const string NestedQuestion = "IAPT015";
    public const string UnclosedContainer = "IAPT016";
    public const string DuplicateQuestionId = "IAPT017";
    public const string InvalidQuestionId = "IAPT018";
    public const string AssessmentHasNoQuestions = "IAPT019";

    // Links, images and HTML
    public const string BrokenLink = "IAPT020";
    public const string MissingImage = "IAPT021";
    public const string ImageWithoutAltText = "IAPT022";
    public const string RawHtml = "IAPT023";
    public const string UnsafeLink = "IAPT024";

    // More folder and file rules
    public const string InvalidLessonFileName = "IAPT025";
    public const string UnexpectedMarkdownFile = "IAPT026";
    public const string DuplicateLesson = "IAPT027";
    public const string ModuleHasNoLessons = "IAPT028";
    public const string LinkOutsideModule = "IAPT029";
    public const string FileOutsideMedia = "IAPT030";
    public const string FileTooLarge = "IAPT031";

    // More question and link rules
    public const string OptionWithoutCheckbox = "IAPT032";
    public const string QuestionNotAtTopLevel = "IAPT033";
    public const string IgnoredQuestionContent = "IAPT034";
    public const string MissingAnchor = "IAPT035";
    public const string ExternalImage = "IAPT036";
    public const string SymbolicLink = "IAPT037";
    public const string UnreadableFile = "IAPT038";
    public const string LineTooLong = "IAPT039";
    public const string ModuleFolderGivenAsRoot = "IAPT040";
    public const string MediaTypeNotServed = "IAPT041";

    // Version 2: audiences, tags and draw rules, review, estimates
    public const string UnknownAudience = "IAPT042";
    public const string MisplacedAudienceSection = "IAPT043";
    public const string InvalidTag = "IAPT044";
    public const string DrawRuleCannotBeMet = "IAPT045";
    public const string ReviewDatesInconsistent = "IAPT046";
    public const string NotReviewed = "IAPT047";
    public const string ReviewOverdue = "IAPT048";
    public const string DurationUnderEstimate = "IAPT049";
    public const string LongestAnswerIsCorrect = "IAPT050";
}
