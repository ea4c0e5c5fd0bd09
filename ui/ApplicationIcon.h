#pragma once

// The console's icon for its windows: the desktop theme's, else the one built in.
class ApplicationIcon final {
public:
    // Call before the first window is shown. The built-in icon's seven sizes are decoded only when
    // a window asks for them.
    static void install();
};
