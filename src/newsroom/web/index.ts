export { newsroomPlugin, type NewsroomOptions, type NewsroomVisit } from './plugin.tsx';
