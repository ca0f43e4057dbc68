// A slash command's form body as Slack posts it to the request URL (workspace T1, channel C1 unless
// given), for every test that drives the Slack door over HTTP.
export function slashCommandBody(f: { user: string; command: string; text: string; responseUrl: string; triggerId: string; channel?: string; extra?: Record<string, string> }): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'acme',
    channel_id: f.channel ?? 'C1',
    channel_name: 'sales',
    user_id: f.user,
    user_name: f.user.toLowerCase(),
    command: f.command,
    text: f.text,
    api_app_id: 'A1',
    response_url: f.responseUrl,
    trigger_id: f.triggerId,
    ...f.extra,
  }).toString();
}
