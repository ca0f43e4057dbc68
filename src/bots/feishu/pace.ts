// Feishu's send limits: 5 messages a second per chat and 50 a second per app. Each send reserves the
// next free slot of its chat and of the app, so a burst to one chat waits while other chats go on.
export function pacer(perChatMs = 200, perAppMs = 20, now: () => number = Date.now) {
  const nextByChat = new Map<string, number>();
  let nextApp = 0;
  return async function pace(chat: string): Promise<void> {
    const t = now();
    const at = Math.max(t, nextByChat.get(chat) ?? 0, nextApp);
    nextByChat.set(chat, at + perChatMs);
    nextApp = at + perAppMs;
    // Forget idle chats so the map does not grow with every chat ever written to.
    if (nextByChat.size > 10_000) for (const [k, v] of nextByChat) if (v < t) nextByChat.delete(k);
    if (at > t) await new Promise((r) => setTimeout(r, at - t));
  };
}
