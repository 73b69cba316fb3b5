/** A TCP port free on loopback right now (for embedded servers started by tests). */
export { freePort } from '../../tools/shared/ports';
