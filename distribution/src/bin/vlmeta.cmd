@echo off
rem vlmeta: validates and uploads per-image custom metadata to Visual Layer datasets.
rem
rem Runs lib\vlmeta.jar with the arguments given, unchanged, and exits with its exit code.
rem Java: %JAVA_HOME%\bin\java.exe, else the java.exe on the PATH; it must be 17 or newer.
rem VLMETA_JAVA_OPTS adds options for Java (e.g. set VLMETA_JAVA_OPTS=-Xmx2g).
rem
rem Every expanded path is quoted: folders with spaces work, and the ")" of C:\Program Files (x86)\...
rem cannot end a parenthesised block early.

setlocal
set "VLMETA_HOME=%~dp0.."
set "VLMETA_JAR=%VLMETA_HOME%\lib\vlmeta.jar"
set "VLMETA_JAVA="

if not defined JAVA_HOME goto javaFromPath
set "VLMETA_JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%VLMETA_JAVA%" goto checkVersion
echo vlmeta needs Java 17 or newer: JAVA_HOME is set to "%JAVA_HOME%", but "%VLMETA_JAVA%" does not exist. Point JAVA_HOME at a Java 17+ installation, or unset it to use the java on the PATH. 1>&2
exit /b 1

:javaFromPath
for %%J in (java.exe) do set "VLMETA_JAVA=%%~$PATH:J"
if defined VLMETA_JAVA goto checkVersion
echo vlmeta needs Java 17 or newer, and found none: JAVA_HOME is not set and there is no java.exe on the PATH. Install a Java 17+ runtime, for example from https://adoptium.net. 1>&2
exit /b 1

:checkVersion
rem The first line of "java -version" names the version in quotes: "17.0.15", "21-ea" or "1.8.0_402".
set "VLMETA_JAVA_VERSION="
for /f "tokens=3" %%V in ('call "%VLMETA_JAVA%" -version 2^>^&1 ^| findstr /i /c:" version "') do if not defined VLMETA_JAVA_VERSION set "VLMETA_JAVA_VERSION=%%~V"
set "VLMETA_JAVA_FEATURE=0"
for /f "tokens=1,2 delims=.-+_" %%A in ("%VLMETA_JAVA_VERSION%") do if "%%A"=="1" (set "VLMETA_JAVA_FEATURE=%%B") else (set "VLMETA_JAVA_FEATURE=%%A")
if %VLMETA_JAVA_FEATURE% GEQ 17 goto run
echo vlmeta needs Java 17 or newer, but "%VLMETA_JAVA%" is Java %VLMETA_JAVA_VERSION%. Set JAVA_HOME to a Java 17+ installation, or put its bin folder first on the PATH. 1>&2
exit /b 1

:run
rem Java's own warnings go to standard error, where --json output is not: Java's default is standard output.
rem Only standard output's logging is turned off: files and standard error set in JAVA_TOOL_OPTIONS stay.
"%VLMETA_JAVA%" -Xlog:all=off:stdout -Xlog:all=warning:stderr %VLMETA_JAVA_OPTS% -jar "%VLMETA_JAR%" %*
exit /b %ERRORLEVEL%
