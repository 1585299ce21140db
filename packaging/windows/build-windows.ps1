# Builds the Windows artefacts into packaging\dist\:
#   ramal-desktop\                                one-folder PyInstaller build
#   ramal-desktop-<version>-windows-setup.exe     Inno Setup installer
# Needs PowerShell 7, the project and its `packaging` extra in the current Python, compiled
# .qm translations, Inno Setup 6 (iscc). Signs the exe and the installer when
# WINDOWS_CERT_PFX_BASE64 (a base64 .pfx) and WINDOWS_CERT_PASSWORD are set; skips otherwise.
$ErrorActionPreference = "Stop"
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$packaging = Split-Path -Parent $here
$dist = Join-Path $packaging "dist"
$version = (python (Join-Path $packaging "version.py")).Trim()
Write-Host "build-windows: Ramal Desktop $version"

python -m PyInstaller --noconfirm --clean --log-level WARN `
  --distpath $dist --workpath (Join-Path $packaging "build\pyinstaller") `
  (Join-Path $packaging "ramal-desktop.spec")
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

function Find-SignTool {
  $kits = "${env:ProgramFiles(x86)}\Windows Kits\10\bin"
  Get-ChildItem $kits -Recurse -Filter signtool.exe -ErrorAction SilentlyContinue |
    Where-Object { $_.FullName -match "\\x64\\" } | Sort-Object FullName | Select-Object -Last 1
}

$signing = [bool]$env:WINDOWS_CERT_PFX_BASE64
if ($signing) {
  $pfx = Join-Path ($env:RUNNER_TEMP ?? $env:TEMP) "codesign.pfx"
  [IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:WINDOWS_CERT_PFX_BASE64))
  $signtool = (Find-SignTool).FullName
  function Sign([string]$file) {
    & $signtool sign /f $pfx /p $env:WINDOWS_CERT_PASSWORD /fd sha256 `
      /tr http://timestamp.digicert.com /td sha256 $file
    if ($LASTEXITCODE -ne 0) { throw "signtool failed on $file" }
  }
  Sign (Join-Path $dist "ramal-desktop\ramal-desktop.exe")
} else {
  Write-Host "build-windows: WINDOWS_CERT_PFX_BASE64 not set, building unsigned"
}

$iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc /Qp "/DAppVersion=$version" "/DSourceDir=$dist\ramal-desktop" "/DOutputDir=$dist" `
  (Join-Path $here "ramal-desktop.iss")
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }

$setup = Join-Path $dist "ramal-desktop-$version-windows-setup.exe"
if ($signing) { Sign $setup; Remove-Item $pfx }
Write-Host "build-windows: $setup"
