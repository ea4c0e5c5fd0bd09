#pragma once

#include "CapturedDelivery.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;

// The selected delivery in the Deliveries view: the verdict's diagnosis, the headers, the body
// as pretty JSON or as received (Raw), and what a forward target answered. Everything the sender
// chose is shown through VisibleText, so nothing in it is interpreted.
class DeliveryDetails final : public QWidget {
    Q_OBJECT

public:
    explicit DeliveryDetails(QWidget *parent = nullptr);

    void showDelivery(const CapturedDelivery &delivery, const QString &connectionName);
    void showNothing();

    // Where Tab goes inside, in order: verdict, headers, body tabs (then their page), forward answer.
    QList<QWidget *> tabStops() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLabel *m_verdict;
    QPlainTextEdit *m_headers;
    QTabWidget *m_bodyTabs;
    QPlainTextEdit *m_pretty;
    QPlainTextEdit *m_raw;
    QLabel *m_forward;
    QPlainTextEdit *m_forwardBody;
};
