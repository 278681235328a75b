namespace IlioCare.Web.Features.Mail;

/// <summary>
/// Wakes this instance's sender when a mail was committed, so it goes at once instead of at the next poll. Other
/// instances find it at their poll. A wake that comes while the sender is busy is kept for its next wait.
/// </summary>
internal sealed class MailSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first <see cref="Wake"/> after it was read: read it before looking for work.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Wake() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
