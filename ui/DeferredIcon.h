#pragma once

#include <QIcon>
#include <QPointer>
#include <QStyle>

#include <functional>

// An icon that is made the first time it is painted or measured, not when it is set. The style's
// standard icons decode every size they ship (16 to 128 pixels) the moment they are asked for, and
// most of a window's action icons sit in menus that may never open; made at start, they delayed
// the console's first rows (issue 10).
class DeferredIcon final {
public:
    static QIcon of(std::function<QIcon()> make);
    // widget's style's standard icon; the application's style once the widget is gone.
    static QIcon standard(QStyle::StandardPixmap pixmap, const QWidget *widget);
};
