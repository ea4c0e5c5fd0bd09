#pragma once

#include <QAccessible>
#include <QStringList>
#include <QWidget>

// The controls under root that a screen reader would announce without a name: every widget shown
// in window that takes focus and has no accessible name, as "objectName (Class)".
inline QStringList unnamedControls(const QWidget *root, const QWidget *window) {
    QStringList unnamed;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(window) || widget->focusPolicy() == Qt::NoFocus)
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QStringLiteral("%1 (%2)").arg(widget->objectName(), widget->metaObject()->className());
    }
    return unnamed;
}
