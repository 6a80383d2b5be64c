<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ErrorText</name>
    <message>
        <source>Needs the “%1” permission, which your sign-in does not have.</source>
        <translation>Perlu izin “%1”, yang tidak dimiliki akun masuk Anda.</translation>
    </message>
    <message>
        <source>Your sign-in does not allow this: it lacks the “%1” permission.</source>
        <translation>Akun masuk Anda tidak mengizinkan ini: tidak punya izin “%1”.</translation>
    </message>
    <message>
        <source>Your sign-in does not allow this.</source>
        <translation>Akun masuk Anda tidak mengizinkan ini.</translation>
    </message>
    <message>
        <source>Your sign-in is no longer accepted. Sign in again.</source>
        <translation>Akun masuk Anda tidak diterima lagi. Masuk kembali.</translation>
    </message>
    <message>
        <source>This session no longer exists; someone may have deleted it.</source>
        <translation>Sesi ini sudah tidak ada; mungkin ada yang menghapusnya.</translation>
    </message>
    <message>
        <source>The gateway cannot do this right now: %1</source>
        <translation>Gateway tidak bisa melakukan ini sekarang: %1</translation>
    </message>
    <message>
        <source>Something went wrong inside Wagate. The log has the details.</source>
        <translation>Terjadi kesalahan di dalam Wagate. Rinciannya ada di log.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment and try again.</source>
        <translation>Terlalu banyak percobaan. Tunggu sebentar, lalu coba lagi.</translation>
    </message>
</context>
<context>
    <name>MessageStatusLook</name>
    <message>
        <source>Queued</source>
        <translation>Dalam antrean</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Mengirim</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Dibaca</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Waiting in the outbox; it leaves at the session&apos;s sending pace.</source>
        <translation>Menunggu di kotak keluar; dikirim sesuai laju pengiriman sesi.</translation>
    </message>
    <message>
        <source>Handed to WhatsApp; waiting for WhatsApp to take it.</source>
        <translation>Diserahkan ke WhatsApp; menunggu WhatsApp menerimanya.</translation>
    </message>
    <message>
        <source>WhatsApp took it; not yet on the recipient&apos;s phone.</source>
        <translation>WhatsApp sudah menerimanya; belum sampai di ponsel penerima.</translation>
    </message>
    <message>
        <source>On the recipient&apos;s phone, not yet read.</source>
        <translation>Sudah di ponsel penerima, belum dibaca.</translation>
    </message>
    <message>
        <source>Read on the recipient&apos;s phone.</source>
        <translation>Sudah dibaca di ponsel penerima.</translation>
    </message>
    <message>
        <source>It was not sent.</source>
        <translation>Pesan tidak terkirim.</translation>
    </message>
    <message>
        <source>Canceled before it left.</source>
        <translation>Dibatalkan sebelum terkirim.</translation>
    </message>
    <message>
        <source>Arrived from this chat.</source>
        <translation>Masuk dari chat ini.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>Ke %1</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Dari %1</translation>
    </message>
    <message>
        <source>This number is not on WhatsApp.</source>
        <translation>Nomor ini tidak memakai WhatsApp.</translation>
    </message>
    <message>
        <source>It waited too long in the outbox and was not sent (a message is kept for a day unless told otherwise).</source>
        <translation>Pesan terlalu lama menunggu di kotak keluar dan tidak dikirim (pesan disimpan sehari, kecuali diatur lain).</translation>
    </message>
    <message>
        <source>The number was logged out before the message left. Link it again and send the message again.</source>
        <translation>Nomor dikeluarkan sebelum pesan terkirim. Tautkan lagi nomornya, lalu kirim ulang pesannya.</translation>
    </message>
    <message>
        <source>WhatsApp cannot reach this recipient; check the number.</source>
        <translation>WhatsApp tidak bisa menjangkau penerima ini; periksa nomornya.</translation>
    </message>
    <message>
        <source>WhatsApp refused the message (code %1).</source>
        <translation>WhatsApp menolak pesan ini (kode %1).</translation>
    </message>
    <message>
        <source>WhatsApp refused the message.</source>
        <translation>WhatsApp menolak pesan ini.</translation>
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation>Pesan tidak dapat dikirim.</translation>
    </message>
    <message>
        <source>WhatsApp limited new chats (463)</source>
        <translation>WhatsApp membatasi chat baru (463)</translation>
    </message>
    <message>
        <source>WhatsApp asked to slow down (too many messages)</source>
        <translation>WhatsApp meminta memperlambat (terlalu banyak pesan)</translation>
    </message>
    <message>
        <source>WhatsApp limited sending</source>
        <translation>WhatsApp membatasi pengiriman</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>Type the phone number.</source>
        <translation>Ketik nomor teleponnya.</translation>
    </message>
    <message>
        <source>Use only digits, spaces and dashes, with an optional + in front.</source>
        <translation>Gunakan hanya angka, spasi, dan tanda hubung, boleh diawali +.</translation>
    </message>
    <message>
        <source>This looks like a number without its country: choose the country, or start with + and the country code.</source>
        <translation>Sepertinya nomor ini tanpa kode negara: pilih negaranya, atau awali dengan + dan kode negara.</translation>
    </message>
    <message>
        <source>A number after the + never starts with 0. Leave out the 0, or choose the country.</source>
        <translation>Nomor setelah + tidak pernah diawali 0. Hapus angka 0-nya, atau pilih negaranya.</translation>
    </message>
    <message>
        <source>No country calling code starts like +%1. Check the first digits.</source>
        <translation>Tidak ada kode negara yang diawali +%1. Periksa angka-angka pertamanya.</translation>
    </message>
    <message numerus="yes">
        <source>This number is too short: %n digits with the country code.</source>
        <translation>
            <numerusform>Nomor ini terlalu pendek: %n digit dengan kode negara.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This number is too long: %n digits with the country code; at most 15.</source>
        <translation>
            <numerusform>Nomor ini terlalu panjang: %n digit dengan kode negara; paling banyak 15.</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers in %1</source>
        <translation>Nomor di %1</translation>
    </message>
    <message>
        <source>Numbers starting +%1</source>
        <translation>Nomor berawalan +%1</translation>
    </message>
    <message>
        <source>%1 have %2 digits after +%3; this one has %4.</source>
        <translation>%1 punya %2 digit setelah +%3; nomor ini punya %4.</translation>
    </message>
    <message>
        <source>%1 have %2 to %3 digits after +%4; this one has %5.</source>
        <translation>%1 punya %2 sampai %3 digit setelah +%4; nomor ini punya %5.</translation>
    </message>
</context>
<context>
    <name>ProblemAdvice</name>
    <message>
        <source>Link a number…</source>
        <translation>Tautkan nomor…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Another connection took over this number.</source>
        <translation>Koneksi lain mengambil alih nomor ini.</translation>
    </message>
    <message>
        <source>Make sure only one gateway uses this number, then try again.</source>
        <translation>Pastikan hanya satu gateway yang memakai nomor ini, lalu coba lagi.</translation>
    </message>
    <message>
        <source>WhatsApp has banned this number for a while.</source>
        <translation>WhatsApp memblokir nomor ini untuk sementara.</translation>
    </message>
    <message>
        <source>Wait until the ban ends (see the details), then try again.</source>
        <translation>Tunggu sampai blokirnya berakhir (lihat rincian), lalu coba lagi.</translation>
    </message>
    <message>
        <source>WhatsApp has banned or logged out this number.</source>
        <translation>WhatsApp memblokir atau mengeluarkan nomor ini.</translation>
    </message>
    <message>
        <source>Check WhatsApp on the phone. If the number still works there, link it again.</source>
        <translation>Periksa WhatsApp di ponsel. Jika nomornya masih berfungsi di sana, tautkan lagi.</translation>
    </message>
    <message>
        <source>WhatsApp refused this version of Wagate as too old.</source>
        <translation>WhatsApp menolak versi Wagate ini karena terlalu lama.</translation>
    </message>
    <message>
        <source>Ask your administrator to set the current WhatsApp Web version (--wa-version) or update Wagate, then try again.</source>
        <translation>Minta administrator mengatur versi WhatsApp Web yang berlaku (--wa-version) atau memperbarui Wagate, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The server did not prove that it is WhatsApp.</source>
        <translation>Server tidak bisa membuktikan bahwa ia benar-benar WhatsApp.</translation>
    </message>
    <message>
        <source>A proxy or firewall may be in the way. Check the network, then try again.</source>
        <translation>Mungkin ada proxy atau firewall yang menghalangi. Periksa jaringan, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Wagate could not reach WhatsApp, even after several tries.</source>
        <translation>Wagate tidak bisa menjangkau WhatsApp, bahkan setelah beberapa kali mencoba.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s internet connection, then try again.</source>
        <translation>Periksa koneksi internet komputer ini, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Wagate gave up connecting this number.</source>
        <translation>Wagate berhenti mencoba menghubungkan nomor ini.</translation>
    </message>
    <message>
        <source>Try again. If it keeps failing, send the details below to your administrator.</source>
        <translation>Coba lagi. Jika terus gagal, kirim rincian di bawah ke administrator Anda.</translation>
    </message>
    <message>
        <source>The phone unlinked this device.</source>
        <translation>Ponsel melepas tautan perangkat ini.</translation>
    </message>
    <message>
        <source>Link the number again.</source>
        <translation>Tautkan nomornya lagi.</translation>
    </message>
    <message>
        <source>This number was logged out from Wagate.</source>
        <translation>Nomor ini dikeluarkan dari Wagate.</translation>
    </message>
    <message>
        <source>Link the number again to use it.</source>
        <translation>Tautkan nomornya lagi untuk memakainya.</translation>
    </message>
    <message>
        <source>WhatsApp logged this device out.</source>
        <translation>WhatsApp mengeluarkan perangkat ini.</translation>
    </message>
    <message>
        <source>No WhatsApp number is linked to this session yet.</source>
        <translation>Belum ada nomor WhatsApp yang ditautkan ke sesi ini.</translation>
    </message>
    <message>
        <source>Link a number with a QR code or a pairing code.</source>
        <translation>Tautkan nomor dengan kode QR atau kode penautan.</translation>
    </message>
    <message>
        <source>The QR codes ran out before the phone scanned one.</source>
        <translation>Kode QR habis sebelum ponsel memindainya.</translation>
    </message>
    <message>
        <source>Link the number again and scan the code with the phone right away.</source>
        <translation>Tautkan nomornya lagi dan segera pindai kodenya dengan ponsel.</translation>
    </message>
    <message>
        <source>The pairing code ran out before it was typed on the phone.</source>
        <translation>Kode penautan habis masa berlakunya sebelum diketik di ponsel.</translation>
    </message>
    <message>
        <source>Link the number again and type the new code on the phone right away.</source>
        <translation>Tautkan nomornya lagi dan segera ketik kode barunya di ponsel.</translation>
    </message>
    <message>
        <source>The phone did not accept the pairing code.</source>
        <translation>Ponsel tidak menerima kode penautan.</translation>
    </message>
    <message>
        <source>Check the phone number, then link again.</source>
        <translation>Periksa nomor teleponnya, lalu tautkan lagi.</translation>
    </message>
    <message>
        <source>This WhatsApp account cannot link other devices.</source>
        <translation>Akun WhatsApp ini tidak bisa menautkan perangkat lain.</translation>
    </message>
    <message>
        <source>Update WhatsApp on the phone, then link again.</source>
        <translation>Perbarui WhatsApp di ponsel, lalu tautkan lagi.</translation>
    </message>
    <message>
        <source>Linking did not finish.</source>
        <translation>Penautan tidak selesai.</translation>
    </message>
    <message>
        <source>The connection dropped. Wagate is reconnecting by itself.</source>
        <translation>Koneksi terputus. Wagate sedang menyambung ulang dengan sendirinya.</translation>
    </message>
    <message>
        <source>Nothing to do now. If this lasts for minutes, check the internet connection.</source>
        <translation>Tidak perlu melakukan apa pun. Jika berlangsung beberapa menit, periksa koneksi internet.</translation>
    </message>
    <message>
        <source>This number is linked but not connected.</source>
        <translation>Nomor ini sudah ditautkan tetapi belum terhubung.</translation>
    </message>
    <message>
        <source>Start it to send and receive messages.</source>
        <translation>Mulai sesinya untuk mengirim dan menerima pesan.</translation>
    </message>
    <message>
        <source>Wagate could not record this number&apos;s state, so it disconnected it.</source>
        <translation>Wagate tidak dapat mencatat status nomor ini, jadi sambungannya diputus.</translation>
    </message>
    <message>
        <source>Wagate could not keep this number&apos;s new keys safe, so it disconnected it.</source>
        <translation>Wagate tidak dapat menyimpan kunci baru nomor ini dengan aman, jadi sambungannya diputus.</translation>
    </message>
    <message>
        <source>Ask your administrator to check the gateway&apos;s storage, then try again.</source>
        <translation>Minta administrator Anda memeriksa penyimpanan gateway, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Nothing to do: Wagate connects it again by itself when the ban ends (see the details).</source>
        <translation>Tidak perlu melakukan apa pun: Wagate menyambungkannya lagi sendiri saat larangan berakhir (lihat detail).</translation>
    </message>
</context>
<context>
    <name>SessionStatusLook</name>
    <message>
        <source>Not linked</source>
        <translation>Belum ditautkan</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Dihentikan</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Memulai</translation>
    </message>
    <message>
        <source>Scan the QR code</source>
        <translation>Pindai kode QR</translation>
    </message>
    <message>
        <source>Enter the code on the phone</source>
        <translation>Masukkan kode di ponsel</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Menyambung ulang</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Dikeluarkan</translation>
    </message>
    <message>
        <source>No WhatsApp number is linked yet. Use “Link a number”.</source>
        <translation>Belum ada nomor WhatsApp yang ditautkan. Gunakan “Tautkan nomor”.</translation>
    </message>
    <message>
        <source>A number is linked but not connected. Press Start to connect it.</source>
        <translation>Nomor sudah ditautkan tetapi belum terhubung. Tekan Mulai untuk menghubungkannya.</translation>
    </message>
    <message>
        <source>Connecting to WhatsApp.</source>
        <translation>Menghubungkan ke WhatsApp.</translation>
    </message>
    <message>
        <source>Waiting for the phone to scan the QR code.</source>
        <translation>Menunggu ponsel memindai kode QR.</translation>
    </message>
    <message>
        <source>Waiting for the code to be typed on the phone.</source>
        <translation>Menunggu kode diketik di ponsel.</translation>
    </message>
    <message>
        <source>Connected: messages can be sent and received.</source>
        <translation>Terhubung: pesan bisa dikirim dan diterima.</translation>
    </message>
    <message>
        <source>The connection dropped; trying again by itself.</source>
        <translation>Koneksi terputus; mencoba lagi dengan sendirinya.</translation>
    </message>
    <message>
        <source>Gave up connecting. The details say why; Start tries again.</source>
        <translation>Berhenti mencoba terhubung. Rincian menjelaskan sebabnya; Mulai akan mencoba lagi.</translation>
    </message>
    <message>
        <source>The phone unlinked this device. Link the number again.</source>
        <translation>Ponsel melepas tautan perangkat ini. Tautkan nomornya lagi.</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>baru saja</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n mnt lalu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n jam lalu</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>kemarin</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n hari lalu</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>kemarin %1</translation>
    </message>
</context>
<context>
    <name>wagate::BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation>Sedang diproses</translation>
    </message>
</context>
<context>
    <name>wagate::ConsoleController</name>
    <message>
        <source>Wagate</source>
        <translation>Wagate</translation>
    </message>
    <message>
        <source>Another Wagate is already using %1.</source>
        <translation>Wagate lain sudah memakai %1.</translation>
    </message>
    <message>
        <source>Switch to the window that is already open, or start this one with another --data-dir.</source>
        <translation>Beralih ke jendela yang sudah terbuka, atau jalankan yang ini dengan --data-dir lain.</translation>
    </message>
    <message>
        <source>The gateway engine stopped: %1</source>
        <translation>Mesin gateway berhenti: %1</translation>
    </message>
    <message>
        <source>Sessions are not served until Wagate is restarted.</source>
        <translation>Sesi tidak dilayani sampai Wagate dijalankan ulang.</translation>
    </message>
    <message>
        <source>You were signed out: %1</source>
        <translation>Anda telah keluar: %1</translation>
    </message>
</context>
<context>
    <name>wagate::LinkNumberDialog</name>
    <message>
        <source>Link a number to “%1”</source>
        <translation>Tautkan nomor ke “%1”</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>Kode QR</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Nomor telepon</translation>
    </message>
    <message>
        <source>This session was deleted.</source>
        <translation>Sesi ini telah dihapus.</translation>
    </message>
    <message>
        <source>&lt;p&gt;On the phone:&lt;/p&gt;&lt;ol style=&quot;margin-left: 14px; -qt-list-indent: 0;&quot;&gt;&lt;li&gt;Open &lt;b&gt;WhatsApp&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Go to &lt;b&gt;Settings → Linked devices&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Tap &lt;b&gt;Link a device&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Point the phone at this code&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;p&gt;Di ponsel:&lt;/p&gt;&lt;ol style=&quot;margin-left: 14px; -qt-list-indent: 0;&quot;&gt;&lt;li&gt;Buka &lt;b&gt;WhatsApp&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Masuk ke &lt;b&gt;Setelan → Perangkat tertaut&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Ketuk &lt;b&gt;Tautkan perangkat&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Arahkan ponsel ke kode ini&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>WhatsApp shows a code; you type it on the phone that has the number. Type the number as you know it: with + and the country code, or as dialled in its country.</source>
        <translation>WhatsApp akan menampilkan kode; Anda mengetiknya di ponsel yang memakai nomor itu. Ketik nomornya seperti yang Anda kenal: dengan + dan kode negara, atau seperti cara memanggilnya di negara itu.</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Negara:</translation>
    </message>
    <message>
        <source>&amp;Phone number:</source>
        <translation>Nomor &amp;telepon:</translation>
    </message>
    <message>
        <source>Get a pairing code</source>
        <translation>Minta kode penautan</translation>
    </message>
    <message>
        <source>&lt;p&gt;On the phone with this number:&lt;/p&gt;&lt;ol style=&quot;margin-left: 14px; -qt-list-indent: 0;&quot;&gt;&lt;li&gt;Open &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Settings → Linked devices&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Tap &lt;b&gt;Link a device&lt;/b&gt;, then &lt;b&gt;Link with phone number instead&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Type the code above&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;p&gt;Di ponsel dengan nomor ini:&lt;/p&gt;&lt;ol style=&quot;margin-left: 14px; -qt-list-indent: 0;&quot;&gt;&lt;li&gt;Buka &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Setelan → Perangkat tertaut&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Ketuk &lt;b&gt;Tautkan perangkat&lt;/b&gt;, lalu &lt;b&gt;Tautkan dengan nomor telepon saja&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Ketik kode di atas&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>Use another number</source>
        <translation>Pakai nomor lain</translation>
    </message>
    <message>
        <source>Get a new code</source>
        <translation>Minta kode baru</translation>
    </message>
    <message>
        <source>The code goes to the phone with this number.</source>
        <translation>Kodenya untuk ponsel dengan nomor ini.</translation>
    </message>
    <message>
        <source>Linking is not possible right now: %1</source>
        <translation>Penautan tidak bisa dilakukan sekarang: %1</translation>
    </message>
    <message>
        <source>Someone asked for a pairing code for this session; it is waiting to be typed on the phone. Stop the session to start over with a QR code.</source>
        <translation>Seseorang sudah meminta kode penautan untuk sesi ini; kodenya sedang menunggu diketik di ponsel. Hentikan sesi untuk mengulang dengan kode QR.</translation>
    </message>
    <message>
        <source>This session already has a number. Log it out first to link another.</source>
        <translation>Sesi ini sudah punya nomor. Keluarkan dulu nomornya untuk menautkan yang lain.</translation>
    </message>
    <message>
        <source>This QR code cannot be shown (it is too long).</source>
        <translation>Kode QR ini tidak bisa ditampilkan (terlalu panjang).</translation>
    </message>
    <message>
        <source>Pairing code %1</source>
        <translation>Kode penautan %1</translation>
    </message>
    <message>
        <source>Linking was stopped.</source>
        <translation>Penautan dihentikan.</translation>
    </message>
    <message>
        <source>Linked %1</source>
        <translation>%1 tertaut</translation>
    </message>
    <message>
        <source>Connecting to WhatsApp…</source>
        <translation>Menghubungkan ke WhatsApp…</translation>
    </message>
    <message>
        <source>Scanned — finishing on the phone…</source>
        <translation>Sudah dipindai — menyelesaikan di ponsel…</translation>
    </message>
    <message>
        <source>The codes ran out before the phone scanned one.</source>
        <translation>Kode habis sebelum ponsel memindainya.</translation>
    </message>
    <message>
        <source>You are linking with a phone number (see the other tab).</source>
        <translation>Anda sedang menautkan dengan nomor telepon (lihat tab lainnya).</translation>
    </message>
    <message>
        <source>No QR code is shown.</source>
        <translation>Kode QR tidak ditampilkan.</translation>
    </message>
    <message>
        <source>Show a QR code instead</source>
        <translation>Tampilkan kode QR saja</translation>
    </message>
    <message>
        <source>Asking WhatsApp for a code for %1…</source>
        <translation>Meminta kode untuk %1 dari WhatsApp…</translation>
    </message>
    <message>
        <source>Code accepted — finishing on the phone…</source>
        <translation>Kode diterima — menyelesaikan di ponsel…</translation>
    </message>
    <message>
        <source>The code ran out before it was typed on the phone.</source>
        <translation>Kode habis masa berlakunya sebelum diketik di ponsel.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message numerus="yes">
        <source>This code changes in %n s</source>
        <translation>
            <numerusform>Kode ini berganti dalam %n dtk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This code expires in %n s</source>
        <translation>
            <numerusform>Kode ini kedaluwarsa dalam %n dtk</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the next code…</source>
        <translation>Menunggu kode berikutnya…</translation>
    </message>
    <message>
        <source>Waiting for WhatsApp…</source>
        <translation>Menunggu WhatsApp…</translation>
    </message>
</context>
<context>
    <name>wagate::MainWindow</name>
    <message>
        <source>The sessions could not be listed: %1</source>
        <translation>Daftar sesi tidak bisa dimuat: %1</translation>
    </message>
    <message>
        <source>engine stopped</source>
        <translation>mesin berhenti</translation>
    </message>
    <message>
        <source>The gateway engine stopped: %1 Restart Wagate to continue.</source>
        <translation>Mesin gateway berhenti: %1 Jalankan ulang Wagate untuk melanjutkan.</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>engine OK</source>
        <translation>mesin OK</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Sesi baru</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <source>Link a number</source>
        <translation>Tautkan nomor</translation>
    </message>
    <message>
        <source>Log out the number…</source>
        <translation>Keluarkan nomor…</translation>
    </message>
    <message>
        <source>Edit settings…</source>
        <translation>Ubah setelan…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Cari…</translation>
    </message>
    <message>
        <source>Copy phone number</source>
        <translation>Salin nomor telepon</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 disalin</translation>
    </message>
    <message>
        <source>Copy session id</source>
        <translation>Salin ID sesi</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Keluar dari akun</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Tutup Wagate</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesi</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Search label or phone</source>
        <translation>Cari nama atau nomor</translation>
    </message>
    <message>
        <source>Type part of a label or of a phone number, in any formatting (%1)</source>
        <translation>Ketik sebagian nama atau nomor telepon, dengan format apa pun (%1)</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Saring menurut status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Perlu perhatian</translation>
    </message>
    <message>
        <source>Last connected</source>
        <translation>Terakhir terhubung</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>kemarin</translation>
    </message>
    <message>
        <source>API not running</source>
        <translation>API tidak berjalan</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Copy the API address for scripts</source>
        <translation>Salin alamat API untuk skrip</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sesi</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Ba&amp;hasa</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Bahasa sistem</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>Memuat sesi…</translation>
    </message>
    <message>
        <source>No sessions yet.
Press “New session” to add a WhatsApp number.</source>
        <translation>Belum ada sesi.
Tekan “Sesi baru” untuk menambahkan nomor WhatsApp.</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Belum ada sesi.</translation>
    </message>
    <message>
        <source>No session matches the filter.</source>
        <translation>Tidak ada sesi yang cocok dengan filter.</translation>
    </message>
    <message>
        <source>Wagate</source>
        <translation>Wagate</translation>
    </message>
    <message>
        <source>Wagate — %1</source>
        <translation>Wagate — %1</translation>
    </message>
    <message>
        <source>Wagate — %1 (operator: %2)</source>
        <translation>Wagate — %1 (operator: %2)</translation>
    </message>
    <message>
        <source>The gateway engine is not running.</source>
        <translation>Mesin gateway tidak berjalan.</translation>
    </message>
    <message>
        <source>Select a session first.</source>
        <translation>Pilih sesi dulu.</translation>
    </message>
    <message>
        <source>Add a session for a WhatsApp number (%1)</source>
        <translation>Tambahkan sesi untuk nomor WhatsApp (%1)</translation>
    </message>
    <message>
        <source>Connect “%1” to WhatsApp</source>
        <translation>Hubungkan “%1” ke WhatsApp</translation>
    </message>
    <message>
        <source>“%1” has no number yet: link one first.</source>
        <translation>“%1” belum punya nomor: tautkan dulu.</translation>
    </message>
    <message>
        <source>“%1” is already started.</source>
        <translation>“%1” sudah dimulai.</translation>
    </message>
    <message>
        <source>Disconnect “%1”; it stays linked</source>
        <translation>Putuskan koneksi “%1”; tautannya tetap ada</translation>
    </message>
    <message>
        <source>“%1” is not running.</source>
        <translation>“%1” tidak sedang berjalan.</translation>
    </message>
    <message>
        <source>Link a WhatsApp number to “%1” by QR code or pairing code</source>
        <translation>Tautkan nomor WhatsApp ke “%1” dengan kode QR atau kode penautan</translation>
    </message>
    <message>
        <source>“%1” already has a number. Log it out first to link another.</source>
        <translation>“%1” sudah punya nomor. Keluarkan dulu nomornya untuk menautkan yang lain.</translation>
    </message>
    <message>
        <source>Unlink the number from “%1”</source>
        <translation>Lepas tautan nomor dari “%1”</translation>
    </message>
    <message>
        <source>“%1” has no number to log out.</source>
        <translation>“%1” tidak punya nomor untuk dikeluarkan.</translation>
    </message>
    <message>
        <source>Change the label and sending pace of “%1”</source>
        <translation>Ubah nama dan kecepatan kirim “%1”</translation>
    </message>
    <message>
        <source>Delete “%1” (Del)</source>
        <translation>Hapus “%1” (Del)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln gagal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln logged out</source>
        <translation>
            <numerusform>%Ln dikeluarkan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln reconnecting</source>
        <translation>
            <numerusform>%Ln menyambung ulang</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln working</source>
        <translation>
            <numerusform>%Ln aktif</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln starting</source>
        <translation>
            <numerusform>%Ln memulai</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting for a phone</source>
        <translation>
            <numerusform>%Ln menunggu ponsel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stopped</source>
        <translation>
            <numerusform>%Ln dihentikan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not linked</source>
        <translation>
            <numerusform>%Ln belum ditautkan</numerusform>
        </translation>
    </message>
    <message>
        <source>no sessions</source>
        <translation>tidak ada sesi</translation>
    </message>
    <message>
        <source>Created “%1”. Link a number to it next.</source>
        <translation>“%1” dibuat. Selanjutnya, tautkan nomor ke sesi itu.</translation>
    </message>
    <message>
        <source>Linked %1 to “%2”</source>
        <translation>%1 ditautkan ke “%2”</translation>
    </message>
    <message>
        <source>Could not start “%1”.</source>
        <translation>“%1” tidak bisa dimulai.</translation>
    </message>
    <message>
        <source>Could not stop “%1”.</source>
        <translation>“%1” tidak bisa dihentikan.</translation>
    </message>
    <message>
        <source>Log out the number</source>
        <translation>Keluarkan nomor</translation>
    </message>
    <message>
        <source>Log out %1 from “%2”?</source>
        <translation>Keluarkan %1 dari “%2”?</translation>
    </message>
    <message>
        <source>The phone will no longer list this computer as a linked device. To use the number here again, link it again.</source>
        <translation>Ponsel tidak akan lagi mencantumkan komputer ini sebagai perangkat tertaut. Untuk memakai nomornya di sini lagi, tautkan ulang.</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Keluarkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Could not log out “%1”.</source>
        <translation>Nomor “%1” tidak bisa dikeluarkan.</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Hapus sesi</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>Hapus “%1”?</translation>
    </message>
    <message>
        <source>%1 is unlinked from this computer and the session&apos;s history is removed. This cannot be undone.</source>
        <translation>Tautan %1 dari komputer ini dilepas dan riwayat sesinya dihapus. Tindakan ini tidak bisa dibatalkan.</translation>
    </message>
    <message>
        <source>The session and its history are removed. This cannot be undone.</source>
        <translation>Sesi dan riwayatnya dihapus. Tindakan ini tidak bisa dibatalkan.</translation>
    </message>
    <message>
        <source>Could not delete “%1”.</source>
        <translation>“%1” tidak bisa dihapus.</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>Sesi “%1” dihapus</translation>
    </message>
    <message>
        <source>Send a message…</source>
        <translation>Kirim pesan…</translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation>Kirim pesan</translation>
    </message>
    <message>
        <source>Cancel message</source>
        <translation>Batalkan pesan</translation>
    </message>
    <message>
        <source>Webhooks…</source>
        <translation>Webhook…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Pesan</translation>
    </message>
    <message>
        <source>Send the organization&apos;s events to your own systems</source>
        <translation>Kirim peristiwa organisasi ke sistem Anda sendiri</translation>
    </message>
    <message>
        <source>Send a WhatsApp message from “%1”</source>
        <translation>Kirim pesan WhatsApp dari “%1”</translation>
    </message>
    <message>
        <source>Select a queued message in the list first.</source>
        <translation>Pilih dulu pesan yang masih dalam antrean di daftar.</translation>
    </message>
    <message>
        <source>Keep this message from being sent</source>
        <translation>Jangan kirim pesan ini</translation>
    </message>
    <message>
        <source>Only a message still waiting in the outbox can be canceled.</source>
        <translation>Hanya pesan yang masih menunggu di kotak keluar yang bisa dibatalkan.</translation>
    </message>
    <message>
        <source>The message was not canceled. %1</source>
        <translation>Pesan tidak dibatalkan. %1</translation>
    </message>
    <message>
        <source>Canceled the message to %1</source>
        <translation>Pesan ke %1 dibatalkan</translation>
    </message>
</context>
<context>
    <name>wagate::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Tutup pesan ini</translation>
    </message>
</context>
<context>
    <name>wagate::MessageListModel</name>
    <message>
        <source>(a kind of message the console does not show)</source>
        <translation>(jenis pesan yang tidak ditampilkan konsol)</translation>
    </message>
    <message>
        <source>(a message that could not be opened)</source>
        <translation>(pesan yang tidak dapat dibuka)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Pesan</translation>
    </message>
</context>
<context>
    <name>wagate::MessagesView</name>
    <message>
        <source>Messages</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <source>From +62 812-3456-78901</source>
        <translation>Dari +62 812-3456-78901</translation>
    </message>
    <message>
        <source>55 min ago</source>
        <translation>55 mnt lalu</translation>
    </message>
    <message>
        <source>Select a session to see its messages.</source>
        <translation>Pilih sesi untuk melihat pesannya.</translation>
    </message>
    <message>
        <source>Loading messages…</source>
        <translation>Memuat pesan…</translation>
    </message>
    <message>
        <source>The messages could not be listed.</source>
        <translation>Pesan tidak dapat ditampilkan.</translation>
    </message>
    <message>
        <source>No messages yet. Messages this number sends and receives appear here as they happen.</source>
        <translation>Belum ada pesan. Pesan yang dikirim dan diterima nomor ini muncul di sini saat terjadi.</translation>
    </message>
</context>
<context>
    <name>wagate::OutboxTracker</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln a minute</source>
        <translation>
            <numerusform>%Ln per menit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln an hour</source>
        <translation>
            <numerusform>%Ln per jam</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting</source>
        <translation>
            <numerusform>%Ln menunggu</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>Tidak ada yang menunggu</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Sending to new chats paused until %1 — %2</source>
        <translation>Pengiriman ke chat baru dijeda sampai %1 — %2</translation>
    </message>
    <message>
        <source>Sending paused until %1 — %2</source>
        <translation>Pengiriman dijeda sampai %1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sent</source>
        <translation>
            <numerusform>%Ln terkirim</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln delivered</source>
        <translation>
            <numerusform>%Ln diterima</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln read</source>
        <translation>
            <numerusform>%Ln dibaca</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln gagal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln received</source>
        <translation>
            <numerusform>%Ln masuk</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wagate::PhoneNumberInput</name>
    <message>
        <source>Other (type + and the country code)</source>
        <translation>Lainnya (ketik + dan kode negara)</translation>
    </message>
    <message>
        <source>e.g. +62 812-3456-7890 or 0812-3456-7890</source>
        <translation>mis. +62 812-3456-7890 atau 0812-3456-7890</translation>
    </message>
    <message>
        <source>Will use %1 (sent as %2)</source>
        <translation>Akan memakai %1 (dikirim sebagai %2)</translation>
    </message>
</context>
<context>
    <name>wagate::QrCodeWidget</name>
    <message>
        <source>QR code to scan with the phone</source>
        <translation>Kode QR untuk dipindai dengan ponsel</translation>
    </message>
</context>
<context>
    <name>wagate::SendMessageDialog</name>
    <message>
        <source>Send a message from “%1”</source>
        <translation>Kirim pesan dari “%1”</translation>
    </message>
    <message>
        <source>The message leaves at the session&apos;s sending pace.</source>
        <translation>Pesan dikirim sesuai laju pengiriman sesi.</translation>
    </message>
    <message>
        <source>From %1. The message leaves at the session&apos;s sending pace.</source>
        <translation>Dari %1. Pesan dikirim sesuai laju pengiriman sesi.</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Negara:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Ke:</translation>
    </message>
    <message>
        <source>The text of the message</source>
        <translation>Isi pesan</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>Pe&amp;san:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>A number with WhatsApp, as you would dial it.</source>
        <translation>Nomor yang memakai WhatsApp, seperti saat Anda menelepon.</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 karakter</translation>
    </message>
    <message>
        <source>Send another</source>
        <translation>Kirim lagi</translation>
    </message>
    <message>
        <source>Type the number first.</source>
        <translation>Ketik nomornya dulu.</translation>
    </message>
    <message>
        <source>The message is longer than %1 characters.</source>
        <translation>Pesan lebih panjang dari %1 karakter.</translation>
    </message>
    <message>
        <source>Type the message first.</source>
        <translation>Ketik pesannya dulu.</translation>
    </message>
    <message>
        <source>Not sent. %1</source>
        <translation>Tidak terkirim. %1</translation>
    </message>
</context>
<context>
    <name>wagate::SessionDetailsPane</name>
    <message>
        <source>Select a session to see its status, its number and what happened to it.</source>
        <translation>Pilih sesi untuk melihat status, nomor, dan riwayatnya.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 disalin</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Linimasa</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Setelan</translation>
    </message>
    <message>
        <source>The id scripts use in the HTTP API</source>
        <translation>ID yang dipakai skrip di API HTTP</translation>
    </message>
    <message>
        <source>Sending pace:</source>
        <translation>Kecepatan kirim:</translation>
    </message>
    <message>
        <source>Mark messages read:</source>
        <translation>Tandai pesan dibaca:</translation>
    </message>
    <message>
        <source>Show “typing…”:</source>
        <translation>Tampilkan “mengetik…”:</translation>
    </message>
    <message>
        <source>Session id:</source>
        <translation>ID sesi:</translation>
    </message>
    <message>
        <source>Edit settings…</source>
        <translation>Ubah setelan…</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 sejak %2</translation>
    </message>
    <message>
        <source>No number linked yet</source>
        <translation>Belum ada nomor yang ditautkan</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Salin %1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Rincian: %1</translation>
    </message>
    <message>
        <source>%L1/min · %L2/h</source>
        <translation>%L1/mnt · %L2/jam</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Kotak keluar</translation>
    </message>
    <message>
        <source>Messages waiting to leave, and the sending pace of this number</source>
        <translation>Pesan yang menunggu dikirim, dan laju pengiriman nomor ini</translation>
    </message>
    <message>
        <source>Nothing is lost: waiting messages stay queued and sending resumes by itself.</source>
        <translation>Tidak ada yang hilang: pesan tetap dalam antrean dan pengiriman berlanjut dengan sendirinya.</translation>
    </message>
    <message>
        <source>Messages of today. Sent counts every message that left, also those delivered and read since.</source>
        <translation>Pesan hari ini. Terkirim menghitung setiap pesan yang sudah keluar, termasuk yang kemudian diterima dan dibaca.</translation>
    </message>
    <message>
        <source>Looking at the outbox…</source>
        <translation>Memeriksa kotak keluar…</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>Hari ini: %1</translation>
    </message>
</context>
<context>
    <name>wagate::SessionDialog</name>
    <message>
        <source>New session</source>
        <translation>Sesi baru</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
    <message>
        <source>Settings of “%1”</source>
        <translation>Setelan “%1”</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>e.g. Support line</source>
        <translation>mis. Layanan pelanggan</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> per menit</translation>
    </message>
    <message>
        <source>From %L1 to %L2</source>
        <translation>Dari %L1 sampai %L2</translation>
    </message>
    <message>
        <source> per hour</source>
        <translation> per jam</translation>
    </message>
    <message>
        <source>Send at most:</source>
        <translation>Kirim paling banyak:</translation>
    </message>
    <message>
        <source>Mark incoming messages as &amp;read</source>
        <translation>Tandai pesan masuk sebagai &amp;dibaca</translation>
    </message>
    <message>
        <source>Show “&amp;typing…” before each message</source>
        <translation>Tampilkan “&amp;mengetik…” sebelum tiap pesan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Give the session a name people recognise, e.g. “Support line”.</source>
        <translation>Beri sesi nama yang mudah dikenali, mis. “Layanan pelanggan”.</translation>
    </message>
    <message>
        <source>The name cannot contain control characters.</source>
        <translation>Nama tidak boleh berisi karakter kontrol.</translation>
    </message>
    <message numerus="yes">
        <source>The hourly limit is lower than the per-minute one, so at most %Ln messages go out in any hour.</source>
        <translation>
            <numerusform>Batas per jam lebih rendah daripada batas per menit, jadi paling banyak %Ln pesan terkirim dalam satu jam.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wagate::SessionListModel</name>
    <message>
        <source>No number linked yet</source>
        <translation>Belum ada nomor yang ditautkan</translation>
    </message>
    <message>
        <source>Copied as %1</source>
        <translation>Disalin sebagai %1</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>tanpa nomor</translation>
    </message>
    <message>
        <source>Never connected</source>
        <translation>Belum pernah terhubung</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last connected</source>
        <translation>Terakhir terhubung</translation>
    </message>
</context>
<context>
    <name>wagate::SessionTimelineModel</name>
    <message>
        <source>started</source>
        <translation>dimulai</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>dihentikan</translation>
    </message>
    <message>
        <source>logged out</source>
        <translation>dikeluarkan</translation>
    </message>
    <message>
        <source>linking by QR code</source>
        <translation>menautkan dengan kode QR</translation>
    </message>
    <message>
        <source>linking by pairing code</source>
        <translation>menautkan dengan kode penautan</translation>
    </message>
    <message>
        <source>QR code shown</source>
        <translation>kode QR ditampilkan</translation>
    </message>
    <message>
        <source>pairing code shown</source>
        <translation>kode penautan ditampilkan</translation>
    </message>
    <message>
        <source>the codes ran out</source>
        <translation>kode habis</translation>
    </message>
    <message>
        <source>linking interrupted</source>
        <translation>penautan terputus</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>menghubungkan</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>terhubung</translation>
    </message>
    <message>
        <source>reconnected</source>
        <translation>terhubung kembali</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>koneksi terputus</translation>
    </message>
    <message>
        <source>gave up reconnecting</source>
        <translation>berhenti menyambung ulang</translation>
    </message>
    <message>
        <source>WhatsApp refused the connection</source>
        <translation>WhatsApp menolak koneksi</translation>
    </message>
    <message>
        <source>unlinked from the phone</source>
        <translation>tautan dilepas dari ponsel</translation>
    </message>
    <message>
        <source>gateway restarted</source>
        <translation>gateway dijalankan ulang</translation>
    </message>
    <message>
        <source>linked (%1)</source>
        <translation>tertaut (%1)</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1  %2 — %3</source>
        <translation>%1  %2 — %3</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>wagate::SignInDialog</name>
    <message>
        <source>operator account %1</source>
        <translation>akun operator %1</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Kunci API</translation>
    </message>
    <message>
        <source>login token</source>
        <translation>token login</translation>
    </message>
    <message>
        <source>Sign in — Wagate</source>
        <translation>Masuk — Wagate</translation>
    </message>
    <message>
        <source>Sign in to Wagate</source>
        <translation>Masuk ke Wagate</translation>
    </message>
    <message>
        <source>Back to profiles</source>
        <translation>Kembali ke profil</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Tutup Wagate</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Saved profiles:</source>
        <translation>Profil tersimpan:</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Profil tersimpan</translation>
    </message>
    <message>
        <source>Add profile…</source>
        <translation>Tambah profil…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Sign in without saving…</source>
        <translation>Masuk tanpa menyimpan…</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Hapus profil</translation>
    </message>
    <message>
        <source>Forget “%1” on this computer? Its secret is deleted from the system keychain.</source>
        <translation>Lupakan “%1” di komputer ini? Rahasianya dihapus dari keychain sistem.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;Operator account</source>
        <translation>Akun &amp;operator</translation>
    </message>
    <message>
        <source>&amp;API key</source>
        <translation>Kunci &amp;API</translation>
    </message>
    <message>
        <source>Login &amp;token</source>
        <translation>&amp;Token login</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisasi</translation>
    </message>
    <message>
        <source>Choose, or type its name or id</source>
        <translation>Pilih, atau ketik nama atau ID-nya</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>Organisasi:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nama pengguna:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Kata sandi:</translation>
    </message>
    <message>
        <source>wgk_…</source>
        <translation>wgk_…</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Kunci API:</translation>
    </message>
    <message>
        <source>Your administrator creates keys with “wagate keys create”.</source>
        <translation>Administrator Anda membuat kunci dengan “wagate keys create”.</translation>
    </message>
    <message>
        <source>Paste the login token from your company&apos;s sign-in page</source>
        <translation>Tempel token login dari halaman masuk perusahaan Anda</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>&amp;Ingat di keychain sistem</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Nama profil:</translation>
    </message>
    <message>
        <source>The system keychain is not available, so sign-ins cannot be remembered on this computer. Nothing is saved; you can still sign in each time.</source>
        <translation>Keychain sistem tidak tersedia, jadi akun masuk tidak bisa diingat di komputer ini. Tidak ada yang disimpan; Anda tetap bisa masuk setiap kali.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Rincian: %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 di %2</translation>
    </message>
    <message>
        <source>Type the organization&apos;s id</source>
        <translation>Ketik ID organisasi</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>None yet: wagate orgs create NAME</source>
        <translation>Belum ada: wagate orgs create NAMA</translation>
    </message>
    <message>
        <source>%1 — this computer</source>
        <translation>%1 — komputer ini</translation>
    </message>
    <message>
        <source>API key — this computer</source>
        <translation>Kunci API — komputer ini</translation>
    </message>
    <message>
        <source>Login token — this computer</source>
        <translation>Token login — komputer ini</translation>
    </message>
    <message>
        <source>The secret goes to the system keychain; only the profile&apos;s name is kept in a file.</source>
        <translation>Rahasianya disimpan di keychain sistem; hanya nama profil yang disimpan di berkas.</translation>
    </message>
    <message>
        <source>Starting the gateway…</source>
        <translation>Menjalankan gateway…</translation>
    </message>
    <message>
        <source>The gateway engine could not start: %1</source>
        <translation>Mesin gateway tidak bisa berjalan: %1</translation>
    </message>
    <message>
        <source>These credentials were not accepted. Check them and try again.</source>
        <translation>Kredensial ini tidak diterima. Periksa, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Sedang masuk…</translation>
    </message>
    <message>
        <source>API key %1</source>
        <translation>Kunci API %1</translation>
    </message>
    <message>
        <source>key “%1”</source>
        <translation>kunci “%1”</translation>
    </message>
    <message>
        <source>Saving the profile in the system keychain…</source>
        <translation>Menyimpan profil di keychain sistem…</translation>
    </message>
    <message>
        <source>Signed in, but this sign-in could not be remembered: %1</source>
        <translation>Berhasil masuk, tetapi akun masuk ini tidak bisa diingat: %1</translation>
    </message>
</context>
<context>
    <name>wagate::WebhookEditDialog</name>
    <message>
        <source>Messages received</source>
        <translation>Pesan masuk</translation>
    </message>
    <message>
        <source>Status changes of sent messages</source>
        <translation>Perubahan status pesan terkirim</translation>
    </message>
    <message>
        <source>Session status changes</source>
        <translation>Perubahan status sesi</translation>
    </message>
    <message>
        <source>Sending paused or resumed</source>
        <translation>Pengiriman dijeda atau dilanjutkan</translation>
    </message>
    <message>
        <source>Test event</source>
        <translation>Peristiwa uji</translation>
    </message>
    <message>
        <source>Edit webhook</source>
        <translation>Ubah webhook</translation>
    </message>
    <message>
        <source>Add a webhook</source>
        <translation>Tambah webhook</translation>
    </message>
    <message>
        <source>Wagate posts each event to this address, signed with the webhook&apos;s secret, and tries again for a day until the receiver answers with 2xx.</source>
        <translation>Wagate mengirim setiap peristiwa ke alamat ini, ditandatangani dengan rahasia webhook, dan mencoba lagi selama sehari sampai penerima menjawab 2xx.</translation>
    </message>
    <message>
        <source>https://example.com/wagate-events</source>
        <translation>https://example.com/wagate-events</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Peristiwa:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Keterangan:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Type an http:// or https:// address.</source>
        <translation>Ketik alamat http:// atau https://.</translation>
    </message>
    <message>
        <source>Choose at least one event.</source>
        <translation>Pilih setidaknya satu peristiwa.</translation>
    </message>
    <message>
        <source>Deliver events to this &amp;webhook</source>
        <translation>Kirim peristiwa ke &amp;webhook ini</translation>
    </message>
    <message>
        <source>This webhook no longer exists; someone may have deleted it.</source>
        <translation>Webhook ini sudah tidak ada; mungkin ada yang menghapusnya.</translation>
    </message>
</context>
<context>
    <name>wagate::WebhooksDialog</name>
    <message>
        <source>Webhooks</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Webhooks send the organization&apos;s events to your own systems as they happen.</source>
        <translation>Webhook mengirim peristiwa organisasi ke sistem Anda sendiri saat terjadi.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Peristiwa</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Latest delivery</source>
        <translation>Pengiriman terakhir</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Tambah…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>New secret…</source>
        <translation>Rahasia baru…</translation>
    </message>
    <message>
        <source>A new signing secret; the old one stays valid for a day, so receivers can switch</source>
        <translation>Rahasia penandatanganan baru; yang lama tetap berlaku sehari agar penerima sempat beralih</translation>
    </message>
    <message>
        <source>Send a test event</source>
        <translation>Kirim peristiwa uji</translation>
    </message>
    <message>
        <source>Recent deliveries</source>
        <translation>Pengiriman terbaru</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Peristiwa</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation>Hapus webhook</translation>
    </message>
    <message>
        <source>Delete the webhook for %1?</source>
        <translation>Hapus webhook untuk %1?</translation>
    </message>
    <message>
        <source>Its deliveries that are still waiting are dropped. This cannot be undone.</source>
        <translation>Pengirimannya yang masih menunggu akan dibuang. Ini tidak bisa dibatalkan.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>The webhook was not deleted.</source>
        <translation>Webhook tidak dihapus.</translation>
    </message>
    <message>
        <source>No new secret was made.</source>
        <translation>Rahasia baru tidak dibuat.</translation>
    </message>
    <message>
        <source>The test event was not queued.</source>
        <translation>Peristiwa uji tidak masuk antrean.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Delivered (%1)</source>
        <translation>Terkirim (%1)</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Menunggu dikirim</translation>
    </message>
    <message>
        <source>The webhooks could not be listed.</source>
        <translation>Webhook tidak dapat ditampilkan.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Belum ada</translation>
    </message>
    <message>
        <source>Recent deliveries to %1</source>
        <translation>Pengiriman terbaru ke %1</translation>
    </message>
    <message>
        <source>The deliveries could not be listed.</source>
        <translation>Pengiriman tidak dapat ditampilkan.</translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation>Rahasia webhook</translation>
    </message>
    <message>
        <source>Receivers verify each delivery with this secret. Copy it now: it is shown only this once.</source>
        <translation>Penerima memverifikasi setiap pengiriman dengan rahasia ini. Salin sekarang: rahasia ini hanya ditampilkan sekali ini.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Tersalin</translation>
    </message>
    <message numerus="yes">
        <source>Failed (attempts: %Ln)</source>
        <translation>
            <numerusform>Gagal (percobaan: %Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed (attempts: %Ln) — %1</source>
        <translation>
            <numerusform>Gagal (percobaan: %Ln) — %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trying again at %1 (attempts so far: %Ln)</source>
        <translation>
            <numerusform>Dicoba lagi pukul %1 (percobaan sejauh ini: %Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trying again at %1 (attempts so far: %Ln, last: %2)</source>
        <translation>
            <numerusform>Dicoba lagi pukul %1 (percobaan sejauh ini: %Ln, terakhir: %2)</numerusform>
        </translation>
    </message>
</context>
</TS>
