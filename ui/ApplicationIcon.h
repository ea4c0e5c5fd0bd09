#pragma once

// The console's icon for its windows: the desktop theme's, else the one built in.
class ApplicationIcon final {
public:
    // Decodes the built-in icon's seven sizes: call it where that does not delay the start (once the
    // keychain has its first job), and before the first window is shown.
    static void install();
};
