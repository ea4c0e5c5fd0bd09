#include "NoMatchHint.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

NoMatchHint::NoMatchHint(QAbstractItemView *view, QWidget *window)
    : QWidget(window)
    , m_view(view)
    , m_text(new QLabel(this))
    , m_clear(new QPushButton(tr("&Clear search and filter"), this)) {
    setObjectName(QStringLiteral("noMatchHint"));
    setAccessibleName(tr("No matching endpoint"));
    m_text->setObjectName(QStringLiteral("noMatchText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_clear->setObjectName(QStringLiteral("noMatchClear"));
    m_clear->setAccessibleName(tr("Clear the search and the status filter"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_clear, 0, Qt::AlignHCenter);
    connect(m_clear, &QPushButton::clicked, this, &NoMatchHint::clearRequested);
    // Follows the view's viewport wherever layouts and splitters put it.
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this);
    hide();
}

QWidget *NoMatchHint::tabStop() const {
    return m_clear;
}

void NoMatchHint::showText(const QString &text) {
    m_text->setText(text);
    setAccessibleDescription(text);
    show();
    raise();
    place();
}

bool NoMatchHint::eventFilter(QObject *watched, QEvent *event) {
    if (isVisible() && (event->type() == QEvent::Resize || event->type() == QEvent::Move) &&
        (watched == m_view || watched == m_view->viewport()))
        place();
    return QWidget::eventFilter(watched, event);
}

void NoMatchHint::place() {
    QWidget *viewport = m_view->viewport();
    const QRect area(viewport->mapTo(parentWidget(), QPoint(0, 0)), viewport->size());
    const int width = qMin(area.width() - 16, 480);
    const int height = heightForWidth(width) > 0 ? heightForWidth(width) : sizeHint().height();
    setGeometry(area.center().x() - width / 2, area.top() + 24, width, height);
}
