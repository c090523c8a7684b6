using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace CoalitionBot.Core.Routing;

/// <summary>Configuration section "Coalition": defaults for the first coalition and coordinators known up front.</summary>
public sealed class CoalitionOptions : IValidatableObject
{
    public const string Section = "Coalition";

    /// <summary>Name given to the coalition created by the first `setup`.</summary>
    [Required(ErrorMessage = "Coalition:Name must not be empty.")]
    [StringLength(200, ErrorMessage = "Coalition:Name must be at most 200 characters.")]
    public string Name { get; set; } = "Our coalition";

    /// <summary>E-mail addresses that become coordinators the first time they talk to the bot.</summary>
    public List<string> Coordinators { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var email in Coordinators.Where(e => !MailAddress.TryCreate(e?.Trim(), out _)))
        {
            yield return new ValidationResult($"Coalition:Coordinators contains \"{email}\", which is not an e-mail address.", [nameof(Coordinators)]);
        }
    }
}
