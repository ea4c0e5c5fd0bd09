#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

// A non-modal strip above the table that reports a failed request (or a notice) without
// stopping the operator, with an optional Retry that repeats exactly what failed.
class MessageBar final : public QWidget {
    Q_OBJECT

public:
    enum class Kind { Error, Warning, Information };

    explicit MessageBar(QWidget *parent = nullptr);

    // retryText names what Retry repeats ("Retry pausing Production receiver"); "Retry" when empty.
    void showMessage(Kind kind, const QString &text, std::function<void()> retry = {},
                     const QString &retryText = QString());
    void dismiss();
    QString text() const;
    // Its Tab stops, in order: Retry, Dismiss.
    QList<QWidget *> tabStops() const;

private:
    void applyKind(Kind kind);

    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_retry;
    QPushButton *m_close;
    std::function<void()> m_retryAction;
};
