// The page's language for screen readers when the person switches it (the workspace's only script of its own).
window.safeguard = {
    setLanguage: language => document.documentElement.lang = language,
};
