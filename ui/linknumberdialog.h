#pragma once

#include "core/error.h"
#include "core/session.h"

#include <QDialog>
#include <QTimer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace wagate {

class BusyIndicator;
class CountdownPie;
class EngineFacade;
class PhoneNumberInput;
class QrCodeWidget;

//! Links a WhatsApp number to a session, by QR code or by pairing code, as a small state machine:
//! one request in flight, every outcome said in plain words, the countdown re-armed with each code.
//! Window-modal, never blocking; closes itself once the number is linked.
class LinkNumberDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Method { None, Qr, Code };
    enum class Stage {
        Idle,        //!< nothing asked yet
        Requesting,  //!< waiting for the first code
        ShowingCode, //!< a QR or pairing code is on screen, with its countdown
        Scanned,     //!< the phone accepted; WhatsApp finishes the login
        Linked,      //!< done (the dialog closes itself)
        Expired,     //!< the codes ran out
        Failed,      //!< anything else, in words
    };
    Q_ENUM(Stage)

    //! How long "Linked" stays on screen before the dialog closes.
    static constexpr int kCloseAfterLinkedMs = 1500;

    LinkNumberDialog(EngineFacade &facade, const SessionInfo &session, QWidget *parent = nullptr);

    Method method() const { return m_method; }
    Stage stage() const { return m_stage; }
    //! The status line of the tab in front ("This code changes in 17 s", "The codes ran out." …).
    QString messageText() const;

    QTabWidget *tabs() const { return m_tabs; }
    QrCodeWidget *qrWidget() const { return m_qr; }
    QComboBox *countryBox() const { return m_country; }
    QLineEdit *phoneEdit() const { return m_phone; }
    QPushButton *getCodeButton() const { return m_getCode; }
    //! The retry button of the tab in front.
    QPushButton *retryButton() const;
    //! What the phone field reads as (international digits), "" while it reads as nothing valid.
    QString normalizedDigits() const { return m_digits; }
    QString phoneProblem() const;
    QString pairingCodeText() const;

    //! Asks for QR codes (stopping a pairing-code attempt first).
    void startQr();
    //! Asks for a pairing code for the number in the phone field.
    void startCode();

    void reject() override;

signals:
    void linked(const wagate::SessionInfo &session);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildQrPage();
    QWidget *buildCodePage();
    void onSessionUpdated(const SessionInfo &session);
    void onQrCode(const QString &sessionId, const QString &qr, qint64 expiresAt);
    void onPairingCode(const QString &sessionId, const QString &code, qint64 expiresAt);
    void requestFailed(const Error &error);
    void setStage(Stage stage, const QString &message = {});
    void render();
    void updateCountdown();
    void updateNormalized();
    bool inFlight() const { return m_stage == Stage::Requesting || m_stage == Stage::ShowingCode; }

    EngineFacade &m_facade;
    SessionInfo m_session;
    Method m_method = Method::None;
    Stage m_stage = Stage::Idle;
    QString m_failure;
    qint64 m_requestedAt = 0;
    qint64 m_issuedAt = 0;
    qint64 m_expiresAt = 0;
    quint64 m_attempt = 0; //!< answers to an earlier attempt are ignored
    bool m_started = false;
    QString m_digits;
    QTimer m_countdown;
    QTimer m_closeTimer;

    QTabWidget *m_tabs;
    // QR tab
    QStackedWidget *m_qrStack;
    BusyIndicator *m_qrBusy;
    QrCodeWidget *m_qr;
    QLabel *m_qrOutcomeIcon;
    QLabel *m_qrMessage;
    CountdownPie *m_qrPie;
    QPushButton *m_qrRetry;
    // Phone-number tab
    QStackedWidget *m_codeStack;
    PhoneNumberInput *m_phoneInput;
    QComboBox *m_country;
    QLineEdit *m_phone;
    QLabel *m_normalized;
    QPushButton *m_getCode;
    QLabel *m_code;
    QLabel *m_codeMessage;
    BusyIndicator *m_codeBusy;
    CountdownPie *m_codePie;
    QPushButton *m_codeRetry;
    QPushButton *m_otherNumber;
    QPushButton *m_close;
};

} // namespace wagate
