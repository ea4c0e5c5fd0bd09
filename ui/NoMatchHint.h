#pragma once

#include <QWidget>

class QAbstractItemView;
class QLabel;
class QPushButton;

// Shown over an empty view when a search or filter hides every row, so an empty table is never
// mistaken for an empty list: says what hides the rows and offers to clear it. It floats over
// the view as a child of the window, not of the view: a table exposes only its cells to
// assistive technology, so a child of the view would be seen but never heard.
class NoMatchHint final : public QWidget {
    Q_OBJECT

public:
    NoMatchHint(QAbstractItemView *view, QWidget *window);

    QWidget *tabStop() const; // the Clear button
    void showText(const QString &text);

signals:
    void clearRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QAbstractItemView *m_view;
    QLabel *m_text;
    QPushButton *m_clear;
};
