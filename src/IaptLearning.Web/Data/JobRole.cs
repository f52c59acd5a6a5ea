using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace IaptLearning.Web.Data;

/// <summary>Stored by name, so the order here can change without touching the data.</summary>
public enum JobRole
{
    [Display(Name = "Psychological wellbeing practitioner")]
    PsychologicalWellbeingPractitioner,

    [Display(Name = "Trainee psychological wellbeing practitioner")]
    TraineePsychologicalWellbeingPractitioner,

    [Display(Name = "High-intensity therapist")]
    HighIntensityTherapist,

    [Display(Name = "Trainee high-intensity therapist")]
    TraineeHighIntensityTherapist,

    [Display(Name = "Counsellor")]
    Counsellor,

    [Display(Name = "EMDR therapist")]
    EmdrTherapist,

    [Display(Name = "Supervisor")]
    Supervisor,

    [Display(Name = "Service manager")]
    ServiceManager,

    [Display(Name = "Administrative staff")]
    AdministrativeStaff,

    [Display(Name = "Other")]
    Other,
}

/// <summary>The one place a job role gets its on-screen name (from its <see cref="DisplayAttribute"/>).</summary>
public static class JobRoles
{
    private static readonly FrozenDictionary<JobRole, string> Names = Enum.GetValues<JobRole>()
        .ToFrozenDictionary(r => r, r => typeof(JobRole).GetField(r.ToString())?.GetCustomAttribute<DisplayAttribute>()?.Name ?? r.ToString());

    /// <summary>Every role with its name, in the order the enum declares them (the order forms list them).</summary>
    public static IReadOnlyList<(JobRole Role, string Name)> All { get; } = [.. Enum.GetValues<JobRole>().Select(r => (r, Names[r]))];

    public static string DisplayName(this JobRole role) => Names[role];

    /// <summary>The name, or <paramref name="none"/> where no role is recorded.</summary>
    public static string DisplayName(this JobRole? role, string none) => role is { } r ? Names[r] : none;
}
