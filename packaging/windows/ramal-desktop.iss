; Inno Setup 6 script of the Ramal Desktop installer (per-user, no admin rights).
; Built by build-windows.ps1; by hand, from this folder:
;   iscc /DAppVersion=0.1.0 ramal-desktop.iss
; Installs the PyInstaller one-folder build (ramal-desktop.exe, the windowed app, and
; ramal-desktop-cli.exe, its console companion), a Start menu entry (and optional desktop
; icon), the uninstaller, the tel:/callto: handler registration, an optional start at login
; and, optionally, the install folder on the user's PATH for ramal-desktop-cli.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=x.y.z ramal-desktop.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\ramal-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif

[Setup]
AppId={{6F1C3E52-9B7A-4E0D-A4C1-52D8B0E7A913}
AppName=Ramal Desktop
AppVersion={#AppVersion}
AppVerName=Ramal Desktop {#AppVersion}
AppPublisher=Ramal Desktop
DefaultDirName={autopf}\Ramal Desktop
DefaultGroupName=Ramal Desktop
DisableProgramGroupPage=yes
; Per user: the URL handler keys in url-handlers.iss live under HKCU.
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=ramal-desktop-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\ramal-desktop.exe
UninstallDisplayName=Ramal Desktop
CloseApplications=yes
; The PATH task changes HKCU\Environment: tell running programs (new terminals see it).
ChangesEnvironment=yes
#ifdef SetupIcon
SetupIconFile={#SetupIcon}
#endif

[Languages]
Name: "ptbr"; MessagesFile: "compiler:Languages\BrazilianPortuguese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ptbr.AutostartTask=Iniciar o Ramal Desktop ao entrar no Windows
en.AutostartTask=Start Ramal Desktop when I sign in
ptbr.AddToPathTask=Adicionar ramal-desktop-cli ao PATH (terminal e scripts)
en.AddToPathTask=Add ramal-desktop-cli to PATH (terminal and scripts)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "autostart"; Description: "{cm:AutostartTask}"; Flags: unchecked
Name: "addtopath"; Description: "{cm:AddToPathTask}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Ramal Desktop"; Filename: "{app}\ramal-desktop.exe"
Name: "{group}\{cm:UninstallProgram,Ramal Desktop}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Ramal Desktop"; Filename: "{app}\ramal-desktop.exe"; Tasks: desktopicon

; tel:/callto: registration (Default apps) and the start-at-login value.
#include "url-handlers.iss"

; The user's PATH gets the install folder once (the task); the uninstaller takes it out.
[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NotInPath(ExpandConstant('{app}'))

[Code]
function PathHas(Path, Dir: String): Boolean;
begin
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') > 0;
end;

function NotInPath(Dir: String): Boolean;
var
  Path: String;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Path) then
    Path := '';
  Result := not PathHas(Path, Dir);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Path, Dir: String;
  At: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Path) then
    exit;
  Dir := ExpandConstant('{app}');
  if not PathHas(Path, Dir) then
    exit;
  Path := ';' + Path + ';';
  At := Pos(';' + Uppercase(Dir) + ';', Uppercase(Path));
  Delete(Path, At, Length(Dir) + 1);
  Path := Copy(Path, 2, Length(Path) - 2);
  RegWriteExpandStringValue(HKCU, 'Environment', 'Path', Path);
end;

[Run]
Filename: "{app}\ramal-desktop.exe"; Description: "{cm:LaunchProgram,Ramal Desktop}"; Flags: nowait postinstall skipifsilent
