using System.Globalization;
using IaptLearning.Web.Data;

namespace IaptLearning.Web.Features.Demo;

/// <summary>One invented member of staff: who they are, where they work and how far they have got.</summary>
public sealed record DemoPerson(
    string FullName,
    string Email,
    JobRole JobRole,
    int TeamIndex,
    string? EmployeeNumber,
    DemoProgress Progress);

public enum DemoProgress
{
    NotStarted,
    InProgress,
    Completed,
}

/// <summary>
/// The demo organisation's structure and its 120 invented staff, drawn from a seeded
/// <see cref="Random"/> so every run gives the same people with the same progress.
/// </summary>
public static class DemoStaff
{
    public const int PerTeam = 20;

    /// <summary>Services (name, place) and their step 2 and step 3 teams, in order: team index = service index × 2 + step.</summary>
    public static readonly IReadOnlyList<(string Service, string Place)> Services =
    [
        ("Northshire Talking Therapies North", "Ashbridge"),
        ("Northshire Talking Therapies South", "Kelmoor"),
        ("Northshire Talking Therapies Coast", "Saltby"),
    ];

    public static int TeamCount => Services.Count * 2;

    public static string TeamName(int teamIndex) =>
        $"{Services[teamIndex / 2].Place} step {(teamIndex % 2 == 0 ? 2 : 3)} team";

    /// <summary>People completed per team of 20 (42 of 120, 35 %): teams differ, so the per-team chart has a shape.</summary>
    private static readonly int[] CompletedPerTeam = [9, 7, 6, 8, 5, 7];

    /// <summary>In progress per team (30 of 120, 25 %); the rest have not started (48, 40 %).</summary>
    private const int InProgressPerTeam = 5;

    // Step 2 teams are mostly psychological wellbeing practitioners; step 3 teams high-intensity
    // therapists and counsellors. Each list has 20 entries.
    private static readonly JobRole[] Step2Roles =
    [
        .. Enumerable.Repeat(JobRole.PsychologicalWellbeingPractitioner, 11),
        .. Enumerable.Repeat(JobRole.TraineePsychologicalWellbeingPractitioner, 4),
        .. Enumerable.Repeat(JobRole.Supervisor, 2),
        .. Enumerable.Repeat(JobRole.AdministrativeStaff, 3),
    ];

    private static readonly JobRole[] Step3Roles =
    [
        .. Enumerable.Repeat(JobRole.HighIntensityTherapist, 9),
        .. Enumerable.Repeat(JobRole.TraineeHighIntensityTherapist, 3),
        .. Enumerable.Repeat(JobRole.Counsellor, 4),
        JobRole.EmdrTherapist,
        .. Enumerable.Repeat(JobRole.Supervisor, 2),
        JobRole.AdministrativeStaff,
    ];

    private static readonly string[] FirstNames =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Freya", "Grace", "Sophie", "Emily", "Ella", "Poppy",
        "Chloe", "Hannah", "Megan", "Zara", "Aisha", "Priya", "Fatima", "Niamh", "Siobhan", "Catrin",
        "Rhiannon", "Eilidh", "Leah", "Jessica", "Rebecca", "Laura", "Rachel", "Nadia", "Yasmin", "Gemma",
        "Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Thomas", "Oscar", "William",
        "James", "Daniel", "Samuel", "Joseph", "Mohammed", "Omar", "Arjun", "Rohan", "Kwame", "Tunde",
        "Callum", "Ewan", "Rhys", "Dylan", "Liam", "Connor", "Matthew", "Adam", "Ben", "Luke",
    ];

    private static readonly string[] Surnames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
        "Patel", "Khan", "Ahmed", "Begum", "Hussain", "Ali", "Shah", "Singh", "Kaur", "Chowdhury",
        "Okafor", "Adeyemi", "Mensah", "Osei", "Campbell", "Stewart", "MacDonald", "Murray", "O'Brien", "Kelly",
        "Murphy", "Byrne", "Hughes", "Lewis", "Morgan", "Griffiths", "Price", "Harrison", "Cooper", "Ward",
        "Turner", "Hill", "Moore", "Kowalski", "Nowak", "Novak", "Rossi", "Costa", "Nguyen", "Chen",
    ];

    /// <summary>The 120 staff, the same every time for the same seed.</summary>
    public static IReadOnlyList<DemoPerson> Generate(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var pairs = FirstNames.SelectMany(first => Surnames.Select(last => (first, last))).ToArray();
        random.Shuffle(pairs);
        var emails = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var people = new List<DemoPerson>(TeamCount * PerTeam);
        var next = 0;
        for (var team = 0; team < TeamCount; team++)
        {
            var roles = (team % 2 == 0 ? Step2Roles : Step3Roles).ToArray();
            random.Shuffle(roles);
            var progress = Enumerable.Repeat(DemoProgress.Completed, CompletedPerTeam[team])
                .Concat(Enumerable.Repeat(DemoProgress.InProgress, InProgressPerTeam))
                .Concat(Enumerable.Repeat(DemoProgress.NotStarted, PerTeam - CompletedPerTeam[team] - InProgressPerTeam))
                .ToArray();
            random.Shuffle(progress);
            for (var i = 0; i < PerTeam; i++)
            {
                var (first, last) = pairs[next++];
                var email = UniqueEmail(emails, first, last);

                // Most staff have an ESR employee number (8 digits); bank and new staff often do not yet.
                string? number = null;
                if (random.NextDouble() < 0.9)
                {
                    do
                    {
                        number = random.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
                    }
                    while (!numbers.Add(number));
                }

                people.Add(new DemoPerson($"{first} {last}", email, roles[i], team, number, progress[i]));
            }
        }

        return people;
    }

    private static string UniqueEmail(HashSet<string> taken, string first, string last)
    {
        var local = $"{Simplify(first)}.{Simplify(last)}";
        var email = $"{local}@example.nhs.uk";
        for (var n = 2; !taken.Add(email); n++)
        {
            email = $"{local}{n}@example.nhs.uk";
        }

        return email;
    }

    private static string Simplify(string name) =>
        new([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
}
