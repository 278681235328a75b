using Microsoft.AspNetCore.Identity;

namespace IlioCare.Data;

/// <summary>A person who signs in (patient now; clinician and admin arrive with F13/F15 roles).</summary>
public sealed class Account : IdentityUser
{
    public DateTime CreatedAtUtc { get; set; }
}
