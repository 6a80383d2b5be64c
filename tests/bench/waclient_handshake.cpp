// Client CPU per WhatsApp handshake + login (target: at most 0.5 ms).
//
// Part 1 ("pure"): the work WaConnection does per login, run N times in memory against a
// NoiseResponder — fresh ephemeral, ClientHello, ServerHello with the certificate chain checks,
// login ClientPayload, ClientFinish, split, then <success> and the two post-login queries as
// encrypted binary nodes. Only the client's steps are timed (thread CPU clock around each of them);
// the server's work in the same loop is the baseline.
//
// Part 2 ("wasim"): N real WaConnection logins over loopback WebSockets against an in-process
// wasim, one after another: process CPU (getrusage) per login for client, simulator and sockets
// together — an upper bound for the client.
//
// Usage: bench_waclient_handshake [--iterations N] [--logins M]

#include "wa/binary/nodedecoder.h"
#include "wa/binary/nodeencoder.h"
#include "wa/client/authstate.h"
#include "wa/client/clientpayload.h"
#include "wa/client/waconnection.h"
#include "wa/noise/certchain.h"
#include "wa/noise/framecodec.h"
#include "wa/noise/noiseinitiator.h"
#include "wa/noise/noiseresponder.h"

#include "wasim/wasimserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace wagate;
using namespace wagate::wa;

namespace {

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

qint64 processCpuUs()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return (qint64(ru.ru_utime.tv_sec) + ru.ru_stime.tv_sec) * 1'000'000 + ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
}

//! Accumulates thread CPU time of the sections it wraps.
struct Meter
{
    qint64 ns = 0;
    template<typename F>
    auto operator()(F &&f)
    {
        const qint64 start = threadCpuNs();
        if constexpr (std::is_void_v<decltype(f())>) {
            f();
            ns += threadCpuNs() - start;
        } else {
            auto r = f();
            ns += threadCpuNs() - start;
            return r;
        }
    }
};

void require(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "benchmark step failed: %s\n", what);
        std::exit(1);
    }
}

Node iq(const char *type, const char *xmlns, const QString &id, QList<Node> children = {})
{
    return Node(QStringLiteral("iq"),
                {{QStringLiteral("to"), Jid::serverJid()}, {QStringLiteral("type"), type},
                 {QStringLiteral("xmlns"), xmlns}, {QStringLiteral("id"), id}},
                std::move(children));
}

struct PureResult
{
    double clientUsPerLogin = 0;
    double serverUsPerLogin = 0;
    double wallUsPerLogin = 0;
    double medianClientUs = 0;
};

PureResult runPure(int iterations)
{
    const KeyPair root = KeyPair::generate();
    const KeyPair intermediate = KeyPair::generate();
    const KeyPair serverStatic = KeyPair::generate();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray chain =
        CertChain::create(root, intermediate, serverStatic.pub, quint64(now - 3600), quint64(now + 3600)).serialize();
    AuthState state = AuthState::createNew();
    state.jid = QStringLiteral("491701234567:7@s.whatsapp.net");
    const ClientProfile profile;
    const NodeDecoder decoder;
    const Node success(QStringLiteral("success"),
                       {{QStringLiteral("t"), QString::number(now)}, {QStringLiteral("lid"), *Jid::parse(QStringLiteral("123456789012345:7@lid"))}});

    Meter client, server;
    std::vector<qint64> perLogin;
    perLogin.reserve(size_t(iterations));
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < iterations; ++i) {
        const qint64 before = client.ns;
        FrameCodec clientCodec(FrameCodec::Side::Client), serverCodec(FrameCodec::Side::Server);
        // Client: a fresh ephemeral and the ClientHello, framed with the connection header.
        auto initiator = client([&] {
            return NoiseInitiator(state.noiseKey, CertificateVerifier(root.pub), KeyPair::generate());
        });
        const QByteArray helloWire = client([&] { return *clientCodec.encode(*initiator.clientHello()); });
        // Server: ServerHello (baseline).
        NoiseResponder responder = server([&] { return NoiseResponder(serverStatic, chain); });
        const QByteArray serverHelloWire = server([&] {
            auto frames = serverCodec.decode(helloWire);
            require(frames.ok() && frames->size() == 1 && responder.readClientHello(frames->first()).ok(), "ClientHello");
            return *serverCodec.encode(*responder.serverHello());
        });
        // Client: certificate checks, login payload, ClientFinish, split.
        TransportCipher clientCipher = client([&] {
            auto frames = clientCodec.decode(serverHelloWire);
            require(frames.ok() && initiator.readServerHello(frames->first()).ok(), "ServerHello");
            return TransportCipher();
        });
        const QByteArray finishWire = client([&] {
            auto payload = clientpayload::login(state, profile);
            return *clientCodec.encode(*initiator.clientFinish(*payload));
        });
        clientCipher = client([&] { return std::move(*initiator.split()); });
        TransportCipher serverCipher = server([&] {
            auto frames = serverCodec.decode(finishWire);
            require(frames.ok() && responder.readClientFinish(frames->first()).ok(), "ClientFinish");
            return std::move(*responder.split());
        });
        const auto serverSend = [&](const Node &n) {
            return server([&] { return *serverCodec.encode(*serverCipher.encrypt(*NodeEncoder::encode(n))); });
        };
        const auto clientReceive = [&](const QByteArray &wire) {
            return client([&] {
                auto frames = clientCodec.decode(wire);
                auto plain = clientCipher.decrypt(frames->first());
                require(plain.has_value(), "decrypt");
                auto node = decoder.decode(*plain);
                require(node.ok(), "decode");
                return node.node();
            });
        };
        const auto clientSend = [&](const Node &n) {
            return client([&] { return *clientCodec.encode(*clientCipher.encrypt(*NodeEncoder::encode(n))); });
        };
        const auto serverReceive = [&](const QByteArray &wire) {
            return server([&] {
                auto frames = serverCodec.decode(wire);
                return decoder.decode(*serverCipher.decrypt(frames->first())).node();
            });
        };
        // <success>, then encrypt/count and passive/active as WaConnection sends them.
        require(clientReceive(serverSend(success)).tag() == QLatin1String("success"), "success");
        const Node count = serverReceive(clientSend(iq("get", "encrypt", QStringLiteral("a.1"), {Node(QStringLiteral("count"))})));
        clientReceive(serverSend(Node(QStringLiteral("iq"), {{QStringLiteral("type"), "result"}, {QStringLiteral("id"), count.attr("id")}},
                                      {Node(QStringLiteral("count"), {{QStringLiteral("value"), "100"}})})));
        const Node active = serverReceive(clientSend(iq("set", "passive", QStringLiteral("a.2"), {Node(QStringLiteral("active"))})));
        clientReceive(serverSend(Node(QStringLiteral("iq"), {{QStringLiteral("type"), "result"}, {QStringLiteral("id"), active.attr("id")}})));
        perLogin.push_back(client.ns - before);
    }
    PureResult r;
    r.wallUsPerLogin = double(wall.nsecsElapsed()) / 1000.0 / iterations;
    r.clientUsPerLogin = double(client.ns) / 1000.0 / iterations;
    r.serverUsPerLogin = double(server.ns) / 1000.0 / iterations;
    std::nth_element(perLogin.begin(), perLogin.begin() + perLogin.size() / 2, perLogin.end());
    r.medianClientUs = double(perLogin[perLogin.size() / 2]) / 1000.0;
    return r;
}

struct WasimResult
{
    double cpuUsPerLogin = 0;
    double wallMsPerLogin = 0;
    int logins = 0;
};

//! Logs every state in once, one after another; keeps what authStateChanged persisted.
WasimResult loginAll(QList<AuthState> &states, const WaConnectionOptions &options)
{
    WasimResult r;
    const qint64 cpuBefore = processCpuUs();
    QElapsedTimer wall;
    wall.start();
    for (AuthState &state : states) {
        WaConnection c(state, options);
        QEventLoop loop;
        bool ok = false;
        QObject::connect(&c, &WaConnection::loggedIn, &loop, [&] { ok = true; loop.quit(); });
        QObject::connect(&c, &WaConnection::disconnected, &loop, [&] { loop.quit(); });
        c.connectToWhatsApp();
        loop.exec(); // a benchmark's own loop; production code never nests one
        require(ok, "login against wasim");
        c.disconnectFromWhatsApp();
        state = c.authState();
        ++r.logins;
    }
    r.wallMsPerLogin = double(wall.elapsed()) / r.logins;
    r.cpuUsPerLogin = double(processCpuUs() - cpuBefore) / r.logins;
    return r;
}

//! First logins (which upload the initial 812 pre-keys), then repeat logins of the same devices.
std::pair<WasimResult, WasimResult> runWasim(int logins)
{
    wasim::WasimServer sim;
    require(sim.listen(), "wasim listen");
    WaConnectionOptions options;
    options.url = sim.url();
    options.rootKey = sim.rootPublicKey();
    QList<AuthState> states;
    for (int i = 0; i < logins; ++i) {
        // A few devices per phone: wasim caps the number of companions an account may link.
        const QString phone = QStringLiteral("49170%1").arg(1000000 + i / 4);
        if (i % 4 == 0)
            require(sim.addPhone(phone).ok(), "addPhone");
        AuthState s = AuthState::createNew();
        auto device = sim.registerDevice(phone, s.noiseKey.pub, s.identityKey.pub);
        require(device.ok(), "registerDevice");
        s.jid = device->jid.toString();
        states.append(s);
    }
    const WasimResult first = loginAll(states, options);
    const WasimResult repeat = loginAll(states, options);
    return {first, repeat};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("wagate.*=false\nwasim.*=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("iterations"), QStringLiteral("In-memory handshakes + logins."), QStringLiteral("N"),
                      QStringLiteral("2000")});
    parser.addOption({QStringLiteral("logins"), QStringLiteral("WaConnection logins against wasim."), QStringLiteral("M"),
                      QStringLiteral("200")});
    parser.process(app);
    const int iterations = qMax(1, parser.value(QStringLiteral("iterations")).toInt());
    const int logins = qMax(0, parser.value(QStringLiteral("logins")).toInt());

    runPure(qMin(iterations, 50)); // warm-up: first-use allocations, OpenSSL lazy init
    const PureResult pure = runPure(iterations);
    std::printf("pure: %d handshakes+logins in memory\n", iterations);
    std::printf("  client CPU per handshake+login: %.1f us (median %.1f us)\n", pure.clientUsPerLogin, pure.medianClientUs);
    std::printf("  server CPU per handshake+login (baseline, same loop): %.1f us\n", pure.serverUsPerLogin);
    std::printf("  wall per iteration (client+server): %.1f us\n", pure.wallUsPerLogin);
    if (logins > 0) {
        const auto [first, repeat] = runWasim(logins);
        std::printf("wasim: %d devices, WaConnection logins over loopback, one at a time\n", first.logins);
        std::printf("  first login (generates and uploads 812 pre-keys): process CPU %.1f us, wall %.2f ms\n",
                    first.cpuUsPerLogin, first.wallMsPerLogin);
        std::printf("  repeat login: process CPU (client + wasim + sockets) %.1f us, wall %.2f ms\n",
                    repeat.cpuUsPerLogin, repeat.wallMsPerLogin);
    }
    return 0;
}
