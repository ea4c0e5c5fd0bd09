#include "MessageBar.h"

#include "DeferredIcon.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

MessageBar::MessageBar(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_close(new QPushButton(this)) {
    setObjectName(QStringLiteral("messageBar"));
    setAccessibleName(tr("Message"));
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("messageRetry"));
    m_retry->setAccessibleName(tr("Retry the failed action"));
    m_close->setObjectName(QStringLiteral("messageClose"));
    m_close->setIcon(DeferredIcon::standard(QStyle::SP_DialogCloseButton, this)); // hidden until a message
    m_close->setFlat(true);
    m_close->setAccessibleName(tr("Dismiss message"));
    m_close->setToolTip(tr("Dismiss"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    layout->addWidget(m_close);

    connect(m_close, &QPushButton::clicked, this, &MessageBar::dismiss);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        const auto retry = m_retryAction;
        dismiss();
        if (retry)
            retry();
    });
    hide();
}

void MessageBar::showMessage(Kind kind, const QString &text, std::function<void()> retry, const QString &retryText) {
    m_text->setText(text);
    m_retryAction = std::move(retry);
    m_retry->setText(retryText.isEmpty() ? tr("&Retry") : retryText);
    m_retry->setAccessibleName(retryText.isEmpty() ? tr("Retry the failed action")
                                                   : m_retry->text().remove(QLatin1Char('&')));
    m_retry->setVisible(bool(m_retryAction));
    applyKind(kind);
    show();
    // A screen reader speaks it without the operator having to go looking for it.
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void MessageBar::dismiss() {
    m_retryAction = nullptr;
    hide();
}

QList<QWidget *> MessageBar::tabStops() const {
    return {m_retry, m_close};
}

QString MessageBar::text() const {
    return isVisible() ? m_text->text() : QString();
}

void MessageBar::applyKind(Kind kind) {
    // Tinted from the current palette so it reads on light and dark themes alike.
    QColor tint;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    switch (kind) {
    case Kind::Error:
        tint = QColor(220, 50, 47);
        icon = QStyle::SP_MessageBoxCritical;
        break;
    case Kind::Warning:
        tint = QColor(203, 140, 0);
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case Kind::Information:
        tint = palette().color(QPalette::Highlight);
        break;
    }
    const QColor base =
        parentWidget() ? parentWidget()->palette().color(QPalette::Window) : palette().color(QPalette::Window);
    QColor mixed;
    mixed.setRgbF(base.redF() * 0.8 + tint.redF() * 0.2, base.greenF() * 0.8 + tint.greenF() * 0.2,
                  base.blueF() * 0.8 + tint.blueF() * 0.2);
    QPalette p = palette();
    p.setColor(QPalette::Window, mixed);
    setPalette(p);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    setAccessibleDescription(m_text->text());
}
