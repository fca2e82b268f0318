/**
 * A new account's password, never from the command line (argv shows in `ps` and shell history):
 * SPORTELLO_NEW_PASSWORD for scripted installs, else the first line of stdin when it is piped, else
 * asked twice at the terminal without echo.
 */
export async function readNewPassword(
  env: NodeJS.ProcessEnv = process.env,
  stdin: NodeJS.ReadStream = process.stdin,
): Promise<string> {
  const fromEnv = env.SPORTELLO_NEW_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!stdin.isTTY) return firstLine(stdin);
  const first = await askHidden(stdin, 'Password: ');
  const again = await askHidden(stdin, 'Ripetere la password / Repeat the password: ');
  if (first !== again) throw new Error('Le password non coincidono / The passwords do not match');
  return first;
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function askHidden(stdin: NodeJS.ReadStream, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stdout.write(question);
    let value = '';
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
