import { createApp } from 'vue';
import { createRouter, createWebHashHistory } from 'vue-router';
import App from './App.vue';
import SignIn from './views/SignIn.vue';
import Dashboard from './views/Dashboard.vue';
import Operations from './views/Operations.vue';
import Work from './views/Work.vue';
import Supervision from './views/Supervision.vue';
import JointTasks from './views/JointTasks.vue';
import Risk from './views/Risk.vue';
import { load, session, hasRole } from './session.js';

load();

const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: () => (hasRole('dept-admin', 'officer') ? '/work' : '/dashboard') },
    { path: '/sign-in', component: SignIn, meta: { public: true } },
    { path: '/dashboard', component: Dashboard },
    { path: '/operations', component: Operations },
    { path: '/work', component: Work },
    { path: '/supervision', component: Supervision },
    { path: '/joint-tasks', component: JointTasks },
    { path: '/risk', component: Risk },
  ],
});

router.beforeEach((to) => (to.meta.public || session.token ? true : '/sign-in'));

createApp(App).use(router).mount('#app');
