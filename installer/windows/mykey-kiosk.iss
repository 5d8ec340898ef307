; Inno Setup 6 script: the Windows installer of the MyKey kiosk terminal (counter PCs are mostly Windows).
; NOT BUILT OR RUN on the project's Linux machines (no Windows, no Inno Setup compiler there): see installer/README.md.
;
; Build on Windows 10/11 x64, in the checkout, with Python 3.11 and Inno Setup 6:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e ".[dev]"
;   .venv\Scripts\python installer\build_bundle.py            -> dist\kiosk\kiosk.exe, kiosk-gui.exe, _internal\
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\windows\mykey-kiosk.iss
;                                                             -> dist\installer\mykey-kiosk-setup-0.1.0.exe
; The Japanese font: build_bundle.py copies ipaexg.ttf from KIOSK_JP_FONT or the Windows font folders into the
; bundle; install IPAex Gothic on the build PC first (or set KIOSK_JP_FONT).

#define AppName "MyKey Kiosk"
#define AppNameJa "マイキー窓口・店舗端末"
#define AppVersion "0.1.0"          ; keep equal to kiosk/__init__.py __version__
#define Bundle "..\..\dist\kiosk"

[Setup]
AppId={{7B0E3C1A-5D2F-4E8B-9A61-3C4D5E6F7A80}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=MyKey kiosk project
DefaultDirName={autopf}\MyKey Kiosk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\..\dist\installer
OutputBaseFilename=mykey-kiosk-setup-{#AppVersion}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
Compression=lzma2/max
SolidCompression=yes
PrivilegesRequired=admin
WizardStyle=modern
UninstallDisplayIcon={app}\kiosk-gui.exe
SetupLogging=yes

[Languages]
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ja.AutoStart=ログオン時に端末を起動し、異常終了したら再起動する（キオスク運用）
en.AutoStart=Start the terminal at logon and restart it after a crash (kiosk use)
ja.SelfTest=インストール後に自己診断（kiosk self-test）を実行する
en.SelfTest=Run the self-test (kiosk self-test) after installing

[Tasks]
Name: "autostart"; Description: "{cm:AutoStart}"; Flags: unchecked
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the whole PyInstaller one-folder bundle: kiosk.exe (console: CLI, self-test), kiosk-gui.exe (the window), _internal\
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "kiosk-watchdog.ps1"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\README.md"; DestDir: "{app}"; DestName: "README-installer.md"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppNameJa}"; Filename: "{app}\kiosk-gui.exe"; Parameters: "run"
Name: "{group}\{#AppNameJa} (demo)"; Filename: "{app}\kiosk-gui.exe"; Parameters: "demo"
Name: "{autodesktop}\{#AppNameJa}"; Filename: "{app}\kiosk-gui.exe"; Parameters: "run"; Tasks: desktopicon

[Run]
; kiosk use: a scheduled task at each logon of the kiosk's user runs the watchdog, which restarts the kiosk after
; a crash and stops when it is left with the administrator PIN (exit code 0). A Windows service cannot show the
; window (services run in session 0), hence a logon task and not a service.
Filename: "{sys}\schtasks.exe"; \
  Parameters: "/Create /F /TN ""MyKey Kiosk"" /SC ONLOGON /RL LIMITED /TR ""powershell.exe -NoProfile -ExecutionPolicy Bypass -WindowStyle Hidden -File \""{app}\kiosk-watchdog.ps1\"""""; \
  Flags: runhidden; Tasks: autostart; StatusMsg: "Registering the logon task..."
Filename: "{app}\kiosk.exe"; Parameters: "self-test"; Description: "{cm:SelfTest}"; \
  Flags: postinstall runhidden waituntilterminated unchecked

[UninstallRun]
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /F /TN ""MyKey Kiosk"""; Flags: runhidden; RunOnceId: "DeleteTask"
