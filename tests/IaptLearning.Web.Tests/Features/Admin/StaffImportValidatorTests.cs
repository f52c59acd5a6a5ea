using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Admin;

namespace IaptLearning.Web.Tests.Features.Admin;

public class StaffImportValidatorTests
{
    private static readonly List<ImportTeam> Teams =
    [
        new(1, "North Talking Therapies", "Step 2"),
        new(2, "North Talking Therapies", "Step 3"),
        new(3, "South Talking Therapies", "Step 2"),
        new(4, "South Talking Therapies", "Admin"),
    ];

    private const string Header = "name,email,job role,team";

    private static StaffImportPreview Validate(string csv, params string[] existing)
    {
        var read = StaffCsvReader.Read(csv);
        Assert.Null(read.FileError);
        var preview = StaffImportValidator.Validate(read.Records, Teams);
        StaffImportValidator.MarkExistingAccounts(preview, existing.ToHashSet(StringComparer.Ordinal));
        return preview;
    }

    private static StaffImportRow Row(StaffImportPreview preview, int rowNumber) => Assert.Single(preview.Rows, r => r.RowNumber == rowNumber);

    [Fact]
    public void Validate_GoodFile_ResolvesEveryRowAndCanImport()
    {
        var preview = Validate(Header + ",employee number\n"
            + "Alex Smith,alex@example.nhs.uk,Psychological wellbeing practitioner,North Talking Therapies / Step 2,12345678\n"
            + "Sam Jones,sam@example.nhs.uk,HighIntensityTherapist,Admin,\n");

        Assert.True(preview.CanImport);
        var alex = Row(preview, 2);
        Assert.Equal(JobRole.PsychologicalWellbeingPractitioner, alex.JobRole);
        Assert.Equal(1, alex.Team!.Id);
        Assert.Equal("12345678", alex.EmployeeNumber);
        var sam = Row(preview, 3);
        Assert.Equal(JobRole.HighIntensityTherapist, sam.JobRole);
        Assert.Equal(4, sam.Team!.Id);
    }

    [Fact]
    public void Validate_HeaderInAnyCaseAndOrder_MatchesColumns()
    {
        var preview = Validate("TEAM, Job Role ,Email Address,Full_Name\nsouth talking therapies / step 2,counsellor,jo@example.nhs.uk,Jo Bloggs\n");

        var row = Row(preview, 2);
        Assert.True(row.IsValid, string.Join(" ", row.Errors));
        Assert.Equal("Jo Bloggs", row.Name);
        Assert.Equal(JobRole.Counsellor, row.JobRole);
        Assert.Equal(3, row.Team!.Id);
    }

    [Fact]
    public void Validate_MissingColumn_IsAFileErrorAndNoRows()
    {
        var preview = Validate("name,email,team\nAlex,alex@example.nhs.uk,Admin\n");

        Assert.Empty(preview.Rows);
        Assert.Contains(preview.FileErrors, e => e.Contains("no \"job role\" column", StringComparison.Ordinal));
        Assert.False(preview.CanImport);
    }

    [Fact]
    public void Validate_UnknownOrRepeatedColumn_IsAFileError()
    {
        var preview = Validate("name,email,job role,team,shoe size,Email\n");

        Assert.Contains(preview.FileErrors, e => e.Contains("\"shoe size\"", StringComparison.Ordinal));
        Assert.Contains(preview.FileErrors, e => e.Contains("\"Email\" more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_HeaderOnly_SaysThereIsNobody()
    {
        var preview = Validate(Header + "\n");

        Assert.Contains("no people", Assert.Single(preview.FileErrors));
    }

    [Fact]
    public void Validate_EveryKindOfBadRow_IsReportedWithItsRowNumber()
    {
        var longName = new string('a', StaffImportValidator.MaxNameLength + 1);
        var preview = Validate(Header + ",employee number\n"
            + ",missing-name@example.nhs.uk,Counsellor,Admin,\n"                       // 2
            + longName + ",long@example.nhs.uk,Counsellor,Admin,\n"                    // 3
            + "Bad Email,not-an-email,Counsellor,Admin,\n"                             // 4
            + "Dup One,dup@example.nhs.uk,Counsellor,Admin,\n"                         // 5
            + "Dup Two,DUP@example.nhs.uk,Counsellor,Admin,\n"                         // 6
            + "Taken,taken@example.nhs.uk,Counsellor,Admin,\n"                         // 7
            + "Role,role@example.nhs.uk,Astronaut,Admin,\n"                            // 8
            + "Team,team@example.nhs.uk,Counsellor,Nowhere,\n"                         // 9
            + "Ambiguous,amb@example.nhs.uk,Counsellor,Step 2,\n"                      // 10
            + "Few,few@example.nhs.uk,Counsellor\n"                                   // 11
            + "Many,many@example.nhs.uk,Counsellor,Admin,1,extra\n"                   // 12
            + "Number,num@example.nhs.uk,Counsellor,Admin," + new string('9', 31) + "\n" // 13
            + "No Email,,Counsellor,Admin,\n"                                          // 14
            + "Service,svc@example.nhs.uk,Counsellor,East / Step 2,\n"                 // 15
            + "\"Open,open@example.nhs.uk,Counsellor,Admin,\n",                        // 16
            "TAKEN@example.nhs.uk");

        Assert.False(preview.CanImport);
        Assert.Contains("Name is missing", Row(preview, 2).Errors[0], StringComparison.Ordinal);
        Assert.Contains("longer than 200", Row(preview, 3).Errors[0], StringComparison.Ordinal);
        Assert.Contains("not a valid email", Row(preview, 4).Errors[0], StringComparison.Ordinal);
        Assert.Contains("also on row 6", Assert.Single(Row(preview, 5).Errors), StringComparison.Ordinal);
        Assert.Contains("also on row 5", Assert.Single(Row(preview, 6).Errors), StringComparison.Ordinal);
        Assert.Contains("already has an account", Assert.Single(Row(preview, 7).Errors), StringComparison.Ordinal);
        var role = Assert.Single(Row(preview, 8).Errors);
        Assert.Contains("\"Astronaut\" is not a job role", role, StringComparison.Ordinal);
        Assert.Contains("High-intensity therapist", role, StringComparison.Ordinal);
        Assert.Contains("no team called \"Nowhere\"", Assert.Single(Row(preview, 9).Errors), StringComparison.Ordinal);
        var ambiguous = Assert.Single(Row(preview, 10).Errors);
        Assert.Contains("North Talking Therapies / Step 2", ambiguous, StringComparison.Ordinal);
        Assert.Contains("South Talking Therapies / Step 2", ambiguous, StringComparison.Ordinal);
        Assert.Contains(Row(preview, 11).Errors, e => e.Contains("3 cells but the header has 5", StringComparison.Ordinal));
        Assert.Contains(Row(preview, 12).Errors, e => e.Contains("6 cells but the header has 5", StringComparison.Ordinal));
        Assert.Contains("Employee number is longer", Assert.Single(Row(preview, 13).Errors), StringComparison.Ordinal);
        Assert.Contains("Email is missing", Assert.Single(Row(preview, 14).Errors), StringComparison.Ordinal);
        Assert.Contains("no team \"Step 2\" in a service called \"East\"", Assert.Single(Row(preview, 15).Errors), StringComparison.Ordinal);
        Assert.Contains("not closed", Assert.Single(Row(preview, 16).Errors), StringComparison.Ordinal);
        Assert.Equal(15, preview.ErrorRowCount);
    }

    [Fact]
    public void Validate_MissingJobRoleAndTeam_SaysWhatToWrite()
    {
        var preview = Validate(Header + "\nAlex,alex@example.nhs.uk,,\n");

        var errors = Row(preview, 2).Errors;
        Assert.Contains(errors, e => e.StartsWith("Job role is missing. Use one of:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Service name / Team name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+44 ward")]
    [InlineData("-Alex")]
    [InlineData("@Alex")]
    public void Validate_FormulaLookingName_IsAcceptedAsPlainData(string name)
    {
        var csv = Header + "\n\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\",alex@example.nhs.uk,Counsellor,Admin\n";

        var row = Row(Validate(csv), 2);

        Assert.True(row.IsValid, string.Join(" ", row.Errors));
        Assert.Equal(name, row.Name);
    }

    [Theory]
    [InlineData("Psychological wellbeing practitioner", JobRole.PsychologicalWellbeingPractitioner)]
    [InlineData("psychological WELLBEING practitioner", JobRole.PsychologicalWellbeingPractitioner)]
    [InlineData("EmdrTherapist", JobRole.EmdrTherapist)]
    [InlineData("emdr therapist", JobRole.EmdrTherapist)]
    [InlineData(" Other ", JobRole.Other)]
    public void ParseJobRole_DisplayOrEnumNameAnyCase_Resolves(string text, JobRole expected)
    {
        Assert.Equal(expected, StaffImportValidator.ParseJobRole(text));
    }

    [Theory]
    [InlineData("alex@example.nhs.uk", true)]
    [InlineData("alex.smith+training@nhs.net", true)]
    [InlineData("alex", false)]
    [InlineData("alex@localhost", false)]
    [InlineData("Alex <alex@example.nhs.uk>", false)]
    [InlineData("alex@example.nhs.uk,sam@example.nhs.uk", false)]
    [InlineData("alex @example.nhs.uk", false)]
    public void IsValidEmail_Examples(string email, bool valid)
    {
        Assert.Equal(valid, StaffImportValidator.IsValidEmail(email));
    }
}
