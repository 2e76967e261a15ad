// The workspace's only script of its own: the page's language for screen readers when the person switches it,
// and the print views' button.
window.safeguard = {
    setLanguage: language => document.documentElement.lang = language,
    print: () => window.print(),
};
