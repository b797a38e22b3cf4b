// Loaded with `node --import` before the built command: at exit, says on stderr whether
// sharp (libvips) was loaded. Module loads go through these hooks whether they come from
// an import or a require, so a sharp pulled in by a dependency is seen too.
import { registerHooks } from 'node:module';

let loaded = false;
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    if (/[\\/]node_modules[\\/](sharp|@img)[\\/]/.test(result.url)) loaded = true;
    return result;
  },
});
process.on('exit', () => process.stderr.write(`sharp loaded: ${loaded}\n`));
