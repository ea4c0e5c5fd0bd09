#pragma once

#include <QColor>
#include <QPalette>

class QWidget;

// The red that error messages are written in. The palette has no "error" role, so it is picked
// against the window colour: a deep red on light themes, a light red on dark ones.
class ErrorText final {
public:
    static QColor colour(const QPalette &palette);
    // Writes widget's text in that red (or back in the normal colour), relative to base.
    static void apply(QWidget *widget, const QPalette &base, bool error = true);
};
