#pragma once

#include <QProxyStyle>
#include <QSet>
#include <QStyleFactory>

// Fusion, noting which standard icons it is asked for and how often: the style decodes every size
// of an icon each time, so a test can tell an icon made once from one made per use. Install it
// with QApplication::setStyle, which takes ownership.
class RecordingStyle final : public QProxyStyle {
public:
    RecordingStyle()
        : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

    QIcon standardIcon(StandardPixmap pixmap, const QStyleOption *option, const QWidget *widget) const override {
        ++timesAsked;
        asked.insert(pixmap);
        return QProxyStyle::standardIcon(pixmap, option, widget);
    }

    mutable int timesAsked = 0;
    mutable QSet<StandardPixmap> asked;
};
