#include "NoMatchHint.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

NoMatchHint::NoMatchHint(QAbstractItemView *view)
    : QWidget(view->viewport())
    , m_text(new QLabel(this))
    , m_clear(new QPushButton(tr("&Clear search and filter"), this)) {
    setObjectName(QStringLiteral("noMatchHint"));
    m_text->setObjectName(QStringLiteral("noMatchText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_clear->setObjectName(QStringLiteral("noMatchClear"));
    m_clear->setAccessibleName(tr("Clear the search and the status filter"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_clear, 0, Qt::AlignHCenter);
    connect(m_clear, &QPushButton::clicked, this, &NoMatchHint::clearRequested);
    parentWidget()->installEventFilter(this); // stays centred as the viewport resizes
    hide();
}

void NoMatchHint::showText(const QString &text) {
    m_text->setText(text);
    setAccessibleDescription(text);
    show();
    place();
}

bool NoMatchHint::eventFilter(QObject *watched, QEvent *event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        place();
    return QWidget::eventFilter(watched, event);
}

void NoMatchHint::place() {
    const QRect area = parentWidget()->rect();
    const int width = qMin(area.width() - 16, 480);
    const int height = heightForWidth(width) > 0 ? heightForWidth(width) : sizeHint().height();
    setGeometry(area.center().x() - width / 2, area.top() + 24, width, height);
}
