// The workspace's only script of its own: the page's language for screen readers when the person switches it,
// the print views' button, the KPI downloads, and the idle sign-out.
window.safeguard = {
    setLanguage: language => document.documentElement.lang = language,
    print: () => window.print(),

    // A file the server read from an API (a KPI export) handed to the browser as a download: held in memory for the
    // click only, never in the browser's storage.
    download: async (name, type, content) => {
        const url = URL.createObjectURL(new Blob([await content.arrayBuffer()], { type }));
        const link = Object.assign(document.createElement('a'), { href: url, download: name });
        document.body.appendChild(link);
        link.click();
        link.remove();
        URL.revokeObjectURL(url);
    },

    // Keys, taps, scrolling and typing count as work. While she works the server hears so at most once every
    // `stillHereMs` (so a long form typed without a call keeps her session); once she has done nothing for
    // `idleMs`, the page posts its sign-out form, which takes the record off the screen. Counted in the page
    // because the server cannot tell reading from an empty chair. A second call replaces the first's limits.
    watchIdle: (session, idleMs, stillHereMs) => {
        const watch = window.safeguard.idle ??= {};
        if (!watch.listening) {
            for (const kind of ['keydown', 'pointerdown', 'input', 'wheel', 'touchstart']) {
                window.addEventListener(kind, () => { watch.lastActive = Date.now(); }, { capture: true, passive: true });
            }
            watch.listening = true;
        }
        window.clearInterval(watch.timer);
        Object.assign(watch, { session, idleMs, stillHereMs, lastActive: Date.now(), lastTold: Date.now() });
        watch.timer = window.setInterval(() => {
            const now = Date.now();
            if (now - watch.lastActive >= watch.idleMs) {
                window.clearInterval(watch.timer);
                const signOut = document.querySelector('form[data-sign-out]');
                if (signOut) {
                    signOut.requestSubmit();
                } else {
                    window.location.reload();
                }
                return;
            }
            if (watch.lastActive > watch.lastTold && now - watch.lastTold >= watch.stillHereMs) {
                watch.lastTold = now;
                watch.session.invokeMethodAsync('StillHereAsync').catch(() => { });
            }
        }, Math.min(5000, idleMs / 4));
    },
};
