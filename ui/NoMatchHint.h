#pragma once

#include <QWidget>

class QAbstractItemView;
class QLabel;
class QPushButton;

// Shown over an empty view when a search or filter hides every row, so an empty table is never
// mistaken for an empty list: says what hides the rows and offers to clear it.
class NoMatchHint final : public QWidget {
    Q_OBJECT

public:
    explicit NoMatchHint(QAbstractItemView *view);

    void showText(const QString &text);

signals:
    void clearRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QLabel *m_text;
    QPushButton *m_clear;
};
