// Test setup: the server's log stays quiet unless a test turns it up to read it.
import { setLogLevel } from '../log';

setLogLevel('silent');
