import { ENVELOPE_EVENT_TYPE_PATTERN } from './event-envelope';

describe('ENVELOPE_EVENT_TYPE_PATTERN', () => {
  it.each([
    'org.statehub.repo.registered',
    'org.statehub.domain.goal.activated',
    'org.repo.commit.pushed',
    'org.a.b_2.c',
  ])('accepts %s', (type) => expect(type).toMatch(ENVELOPE_EVENT_TYPE_PATTERN));

  it.each([
    'org.statehub.registered',
    'Org.statehub.repo.registered',
    'org.state-hub.repo.registered',
    'org.1x.repo.done',
    'org.statehub.repo.registered.',
    'statehub.repo.registered.now',
  ])('refuses %s', (type) => expect(type).not.toMatch(ENVELOPE_EVENT_TYPE_PATTERN));
});
