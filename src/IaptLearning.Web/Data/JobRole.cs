using System.ComponentModel.DataAnnotations;

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
